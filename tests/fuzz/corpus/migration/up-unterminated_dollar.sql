SELECT 1;
SELECT $tag$ unterminated