-- The language a person chose for Convene's pages (en, de); empty: their browser's.
alter table users add column language varchar(8) check (language is null or language in ('en', 'de'));
