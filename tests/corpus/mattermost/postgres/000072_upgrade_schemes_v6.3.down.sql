ALTER TABLE schemes DROP COLUMN IF EXISTS defaultrunmemberrole;
ALTER TABLE schemes DROP COLUMN IF EXISTS defaultrunadminrole;
ALTER TABLE schemes DROP COLUMN IF EXISTS defaultplaybookmemberrole;
ALTER TABLE schemes DROP COLUMN IF EXISTS defaultplaybookadminrole;
