import type { MessageCatalog } from "./messages.js";

/** Messages for the plan area's reasons (Vietnamese first, English second). */
export const planMessages: MessageCatalog = {};
