DROP TABLE IF EXISTS TrueUpReviewHistory;
