// The model documentation page (model.html): docs/model.md rendered with marked, each heading
// given the id the glossary links to (model-headings.ts), with a contents list of its sections.
// The page's CSP lets markup in only through Trusted Types: this module's policy, `jitsim-model-doc`,
// yields this one rendering of the shipped document and nothing else (docs/code-layout.md, the web app).
import { marked } from 'marked';
import text from '../docs/model.md?raw';
import { headingId } from './model-headings.ts';
import { trusted } from './trusted-types.ts';

const contents: { id: string; title: string }[] = [];
marked.use({
  renderer: {
    heading({ tokens, depth, text: raw }) {
      const id = headingId(raw);
      if (depth === 2) contents.push({ id, title: raw });
      return `<h${depth} id="${id}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
    },
    // The other docs are not in the app: their names stay, as plain text, with the repository path.
    link({ href, tokens }) {
      const inner = this.parser.parseInline(tokens);
      if (/^[a-z-]+\.md(#.*)?$/.test(href) && !href.startsWith('model.md')) return `<span title="docs/${href} in the project's repository">${inner}</span>`;
      return `<a href="${href.replace(/^model\.md/, '')}">${inner}</a>`;
    },
  },
});

const article = document.getElementById('doc')!;
article.innerHTML = trusted('jitsim-model-doc', 'HTML', marked.parse(text, { async: false }));
// Tables and code scroll sideways on a phone (model-doc.css): each takes the focus, so keys scroll it too.
for (const wide of article.querySelectorAll<HTMLElement>('table, pre')) wide.tabIndex = 0;
const nav = document.getElementById('contents')!;
const list = document.createElement('ol');
for (const { id, title } of contents) {
  const item = document.createElement('li');
  item.append(Object.assign(document.createElement('a'), { href: `#${id}`, textContent: title }));
  list.append(item);
}
nav.append(list);
// The page is built after load, so the browser's jump to the address's #section has found nothing yet.
if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
