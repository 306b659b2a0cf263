/**
 * The entry: small on purpose. It starts the session check, the page's chunk and its first API
 * requests (./boot), then loads the app (./start: React, the query client, i18n) in parallel with
 * them, instead of the data waiting for the whole app to download and run.
 */
import "./styles.css";
import "./boot";

void import("./start");
