// Types for the parts of jstat (a UMD/CommonJS package without its own types) that jitsim uses.
declare module 'jstat' {
  interface JStat {
    studentt: {
      /** Quantile: the x with P(T <= x) = p for Student's t with `dof` degrees of freedom. */
      inv(p: number, dof: number): number;
    };
    normal: {
      /** Quantile of the normal distribution. */
      inv(p: number, mean: number, sd: number): number;
    };
  }
  const jStat: JStat;
  export default jStat;
}
