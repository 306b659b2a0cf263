/** The programme years the app offers (2021–2025 period and the first years of 2026–2030). */
export const YEARS: readonly number[] = [2021, 2022, 2023, 2024, 2025, 2026];

/** The year pages open on: the last year of the 2021–2025 period. */
export const DEFAULT_YEAR = 2025;
