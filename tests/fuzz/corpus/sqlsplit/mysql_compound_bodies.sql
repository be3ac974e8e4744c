-- MySQL stored programs sent without DELIMITER, as golang-migrate and dbmate
-- send them: the server's grammar decides where each one ends.
CREATE TABLE tt (id INT, `end` INT, `case` INT, `begin` INT);
CREATE TRIGGER tt_qualified BEFORE INSERT ON tt FOR EACH ROW BEGIN SET NEW.end = 1; SET NEW.case = 2; SET NEW.begin = 3; END;
CREATE PROCEDURE p_unqualified() BEGIN UPDATE tt SET end = 1 WHERE begin > 0; SELECT begin, end FROM tt; SET @end = 2; END;
CREATE PROCEDURE p_end_then_if() BEGIN BEGIN SELECT 1; END; IF 1 THEN SELECT 2; END IF; END;
CREATE PROCEDURE p_case_expr_then_stmt(i INT) BEGIN SELECT CASE i WHEN 3 THEN 1 ELSE 0 END; CASE WHEN i > 0 THEN SELECT 1; ELSE SELECT 2; END CASE; END;
CREATE PROCEDURE p_while() WHILE 0 DO SELECT 1; END WHILE;
CREATE PROCEDURE p_loop() l: LOOP LEAVE l; END LOOP;
CREATE PROCEDURE p_repeat() REPEAT SELECT 1; UNTIL 1 END REPEAT;
CREATE PROCEDURE p_case() CASE WHEN 1 THEN SELECT 1; ELSE SELECT 2; END CASE;
CREATE PROCEDURE p_for() FOR i IN 1..2 DO SELECT i; END FOR;
CREATE PROCEDURE IF NOT EXISTS p_if_not_exists() CASE WHEN 1 THEN SELECT 1; END CASE;
CREATE TRIGGER tt_bare_if BEFORE UPDATE ON tt FOR EACH ROW IF NEW.id < 0 THEN SET NEW.id = 0; END IF;
CREATE FUNCTION f_if(x INT) RETURNS INT DETERMINISTIC RETURN IF(x > 0, LENGTH(REPEAT('a', 2)), 0);
CREATE PROCEDURE p_if_forms() BEGIN DROP TABLE IF EXISTS nope; IF (SELECT 1) = IF(1, 1, 0) THEN SELECT IF(1, 2, 3); ELSEIF NOT EXISTS (SELECT 1) THEN SELECT 4; END IF; END;
INSERT INTO tt (id) VALUES (1);
CALL p_unqualified(); CALL p_end_then_if(); CALL p_case_expr_then_stmt(3); CALL p_while(); CALL p_loop(); CALL p_repeat(); CALL p_case(); CALL p_for(); CALL p_if_not_exists(); CALL p_if_forms();
SELECT f_if(1), id, `end`, `case`, `begin` FROM tt;
