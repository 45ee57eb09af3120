-- An environment added by hand after the seed revision: not one of the three servers may name.
INSERT INTO environments (id, name, description) VALUES (4, 'qa', 'QA lab');
