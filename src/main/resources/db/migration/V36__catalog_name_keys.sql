-- Product names, and option names within their product, are compared by a key: the name trimmed
-- of every Unicode space (\p{Z}, U+00A0 included), NFC-normalised and lower-cased, so `Shirt`,
-- `shirt` and `Shirt` + U+00A0 are one name. The application computes the key (CatalogName) and
-- writes it with the name; a unique index on it decides between concurrent writers.
--
-- catalog_name_key is the same rule in SQL, used here to key the names stored before it. It also
-- drops the characters new names may not hold (format characters such as U+200B, U+202E and
-- U+FEFF, line and paragraph separators), which changes nothing for a name the application
-- accepted and makes an old `Sh` + U+200B + `irt` the look-alike of `Shirt` that it is. Names
-- already duplicated under it are renamed, the older name kept, the newer given its shown form
-- and a numeric suffix (`shirt (2)`), each reported by a notice: catalog_rename_look_alike_names(),
-- which also keys every row; kept for tests and for the operator. lower() folds by the database's
-- collation: under a UTF-8 locale it agrees with Java's toLowerCase(Locale.ROOT) but for the few
-- letters whose lower case is longer (U+0130); under the C locale it folds ASCII letters only.

create function catalog_name_display(name text) returns text
    language sql immutable strict parallel safe as $$
    select normalize(regexp_replace(
               regexp_replace(name, '[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u08e2\u180e\u200b-\u200f\u2028-\u202e'
                                    '\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd'
                                    '\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001'
                                    '\U000e0020-\U000e007f]', '', 'g'),
               '^[\u0020\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+'
               '|[\u0020\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+$', '', 'g'),
           NFC)
$$;

create function catalog_name_key(name text) returns text
    language sql immutable strict parallel safe as $$
    select normalize(lower(catalog_name_display(name)), NFC)
$$;

create function catalog_rename_look_alike_names() returns void
    language plpgsql as $$
declare
    r         record;
    n         int;
    suffix    text;
    candidate text;
begin
    for r in select id, name, row_number() over (partition by catalog_name_key(name) order by id) as rank
               from product order by id loop
        continue when r.rank = 1;
        n := r.rank;
        loop
            suffix := ' (' || n || ')';
            candidate := left(coalesce(nullif(catalog_name_display(r.name), ''), 'Product'), 200 - length(suffix))
                         || suffix;
            exit when not exists (select 1 from product where catalog_name_key(name) = catalog_name_key(candidate));
            n := n + 1;
        end loop;
        raise notice 'product %: renamed "%" to "%", a look-alike of an older product''s name', r.id, r.name, candidate;
        update product set name = candidate where id = r.id;
    end loop;
    update product set name_key = catalog_name_key(name);

    for r in select id, product_id, name,
                    row_number() over (partition by product_id, catalog_name_key(name) order by id) as rank
               from product_option order by id loop
        continue when r.rank = 1;
        n := r.rank;
        loop
            suffix := ' (' || n || ')';
            candidate := left(coalesce(nullif(catalog_name_display(r.name), ''), 'Option'), 100 - length(suffix))
                         || suffix;
            exit when not exists (select 1 from product_option
                                   where product_id = r.product_id
                                     and catalog_name_key(name) = catalog_name_key(candidate));
            n := n + 1;
        end loop;
        raise notice 'option % of product %: renamed "%" to "%", a look-alike of an older option''s name',
            r.id, r.product_id, r.name, candidate;
        update product_option set name = candidate where id = r.id;
    end loop;
    update product_option set name_key = catalog_name_key(name);
end;
$$;

alter table product add column name_key text;
alter table product_option add column name_key text;

select catalog_rename_look_alike_names();

alter table product alter column name_key set not null;
alter table product_option alter column name_key set not null;
alter table product drop constraint uq_product_name;
alter table product_option drop constraint uq_product_option_name;
create unique index uq_product_name_key on product (name_key);
create unique index uq_product_option_name_key on product_option (product_id, name_key);
