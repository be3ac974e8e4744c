# MySQL migration with a stored procedure
-- comments need a space after the dashes
SET @x = 1--1;
DELIMITER $$
CREATE PROCEDURE bump(IN n INT)
BEGIN
    DECLARE i INT DEFAULT 0;
    WHILE i < n DO
        UPDATE `counter;table` SET `value` = `value` + 1;
        SET i = i + 1;
    END WHILE;
END$$
DELIMITER ;
CALL bump(3);
INSERT INTO t (s) VALUES ('it\'s; fine'), ("double \"quoted\"; text"), ('doubled '' quote');
/*!40101 SET NAMES utf8mb4 */;
/*!50003 CREATE*/ /*!50020 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW SET NEW.s = TRIM(NEW.s) */;
delimiter //
CREATE FUNCTION f() RETURNS INT DETERMINISTIC BEGIN RETURN 1; END //
delimiter ;
XA START 'x';
