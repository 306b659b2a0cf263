export { neutraliseFormula } from "./neutraliseFormula/index.js";
