// Redraws a chart whenever its container changes size (one observer per container).
const observers = new WeakMap<HTMLElement, ResizeObserver>();

export function drawAndFollowSize(container: HTMLElement, draw: () => void): void {
  draw();
  observers.get(container)?.disconnect();
  let width = container.clientWidth;
  const observer = new ResizeObserver(() => {
    if (container.clientWidth === width) return; // height follows the CSS; redraw on width only
    width = container.clientWidth;
    draw();
  });
  observer.observe(container);
  observers.set(container, observer);
}
