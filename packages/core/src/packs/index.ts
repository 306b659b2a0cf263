export { parsePackDocument, resolvePack, checkPackSemantics, type PackLookup } from "./validatePack.js";
export { shippedPacks, createPackRegistry, getPack, listShippedPacks, packJsonSchema, type PackRegistry } from "./registry.js";
export { packProvenance, type PackProvenance } from "./packProvenance/index.js";
