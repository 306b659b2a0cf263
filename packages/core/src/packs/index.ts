export { parsePackDocument, resolvePack, checkPackSemantics, type PackLookup } from "./validatePack.js";
