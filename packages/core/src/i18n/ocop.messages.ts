import type { MessageCatalog } from "./messages.js";

/** Messages for the ocop area's reasons (Vietnamese first, English second). */
export const ocopMessages: MessageCatalog = {};
