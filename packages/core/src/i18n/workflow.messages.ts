import type { MessageCatalog } from "./messages.js";

/** Messages for the workflow area's reasons (Vietnamese first, English second). */
export const workflowMessages: MessageCatalog = {};
