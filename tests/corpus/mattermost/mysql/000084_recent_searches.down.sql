-- This table is unused, and will be dropped in a future ESR.
DROP TABLE IF EXISTS RecentSearches;
