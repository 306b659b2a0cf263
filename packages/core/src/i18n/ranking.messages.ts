import type { MessageCatalog } from "./messages.js";

/** Messages for the ranking area's reasons (Vietnamese first, English second). */
export const rankingMessages: MessageCatalog = {};
