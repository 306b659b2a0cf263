// The calendar area's public exports (filled by its implementation).
export {};
