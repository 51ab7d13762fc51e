-- Row-level security's scope test without a sub-select (issue 14; decision 008). The policies of 0021 ask, for every
-- organisation of the database and in every statement, whether app.scope's subtrees hold its path. Written with
-- EXISTS over unnest(), app_scope_sees could not be inlined: PostgreSQL called it once per organisation, 17 µs
-- each, so every statement of a village secretary paid 47 ms at city scale (2,764 organisations) before its own
-- work (EXPLAIN ANALYZE on the bench's city: a 37-member branch counted in 47.6 ms; 2.4 ms with this body).
-- Same meaning: '' or unset sees nothing, '*' everything, '<tenant>:<path>,<path>' the subtrees of those paths in that
-- tenant; empty path elements are dropped (they must never widen a scope to every path). ^@ is starts_with.
CREATE OR REPLACE FUNCTION app_scope_sees(t integer, p text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE coalesce(current_setting('app.scope', true), '')
    WHEN '*' THEN true
    WHEN '' THEN false
    ELSE split_part(current_setting('app.scope', true), ':', 1) = t::text
      AND p ^@ ANY (array_remove(string_to_array(split_part(current_setting('app.scope', true), ':', 2), ','), ''))
  END
$$;
