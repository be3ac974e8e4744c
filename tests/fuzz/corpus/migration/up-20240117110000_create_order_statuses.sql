-- Reference data belongs in migrations: every environment needs the same
-- rows, and they must exist before the code that relies on them starts.

-- migrate:up
CREATE TABLE order_statuses (
    code  TEXT PRIMARY KEY,
    label TEXT NOT NULL
);
INSERT INTO order_statuses (code, label) VALUES
    ('new', 'New'),
    ('paid', 'Paid'),
    ('shipped', 'Shipped'),
    ('cancelled', 'Cancelled');
INSERT INTO audit_log (event, detail) VALUES ('migration', '20240117110000_create_order_statuses');

-- migrate:down
DROP TABLE order_statuses;
DELETE FROM audit_log WHERE detail = '20240117110000_create_order_statuses';
