export { parsePackDocument, resolvePack, checkPackSemantics, type PackLookup } from "./validatePack.js";
export { shippedPacks, createPackRegistry, getPack, listShippedPacks, packJsonSchema, type PackRegistry } from "./registry.js";
export { provenanceCounts, type ProvenanceCounts } from "./provenanceCounts/index.js";
