-- Row-level security's scope test as an index range scan (issue 14; decision 008). Every organisation-owned table's
-- policy asked `organization_id IN (SELECT o.id FROM organizations o WHERE app_scope_sees(o.tenant_id, o.path))`:
-- PostgreSQL built that set by evaluating the test on every organisation of the database, once per statement and per
-- table — 4–7 ms of each statement at city scale (2,764 organisations) even for a village secretary whose set is one
-- branch (EXPLAIN ANALYZE on the bench's city, /api/tasks as sj24: 22 statements, 44.5 ms, most of it this scan),
-- and linear in the organisations of the whole platform. The same sets, read through the path index instead:
-- app_scope_org_ids() is the subtrees of the scope's paths in its tenant (organizations_path_idx, text_pattern_ops:
-- a subtree is the range [path, path || '~'), paths being digits and '/'); app_scope_town_org_ids() the tenant's
-- organisations (organizations_tenant_parent_idx); '*' (jobs) is tested once, before either set is built.
-- Same meaning as app_scope_sees / app_scope_town: '' or unset sees nothing, '*' everything, '<tenant>:<path>,…'
-- those subtrees of that tenant, empty path elements dropped. New policies use the new form (see 0034's tables).
CREATE OR REPLACE FUNCTION app_scope_all() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('app.scope', true), '') = '*'
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_scope_tenant() RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN coalesce(current_setting('app.scope', true), '') ~ '^[0-9]+:' THEN split_part(current_setting('app.scope', true), ':', 1)::integer END
$$;--> statement-breakpoint
-- SECURITY DEFINER (read as the owner): under organizations' own policy, whose test is not leakproof, PostgreSQL
-- may not use the path range as an index condition and filtered 1,640 rows for a village's one. The functions' own
-- WHERE is the scope test, so nothing is seen that the policy would hide.
CREATE OR REPLACE FUNCTION app_scope_org_ids() RETURNS SETOF integer LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT o.id FROM unnest(array_remove(string_to_array(split_part(current_setting('app.scope', true), ':', 2), ','), '')) AS r(root)
  JOIN organizations o ON o.path ~>=~ r.root AND o.path ~<~ (r.root || '~')
  WHERE o.tenant_id = app_scope_tenant()
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_scope_town_org_ids() RETURNS SETOF integer LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT o.id FROM organizations o WHERE o.tenant_id = app_scope_tenant()
$$;--> statement-breakpoint
-- Every policy written with the old sub-select gets the new one (its other parts untouched).
DO $$
DECLARE
  pol record;
  sees_old constant text := '\(\s*SELECT o\.id\s+FROM organizations o\s+WHERE app_scope_sees\(o\.tenant_id, o\.path\)\)';
  town_old constant text := '\(\s*SELECT o\.id\s+FROM organizations o\s+WHERE app_scope_town\(o\.tenant_id\)\)';
  fix text;
  q text;
  c text;
BEGIN
  FOR pol IN SELECT tablename, policyname, qual, with_check FROM pg_policies WHERE schemaname = 'public' LOOP
    q := pol.qual;
    c := pol.with_check;
    FOREACH fix IN ARRAY ARRAY['sees', 'town'] LOOP
      q := regexp_replace(q, '(\w+) IN ' || CASE fix WHEN 'sees' THEN sees_old ELSE town_old END,
        '(app_scope_all() OR \1 IN (SELECT s.id FROM ' || CASE fix WHEN 'sees' THEN 'app_scope_org_ids()' ELSE 'app_scope_town_org_ids()' END || ' AS s(id)))', 'g');
      c := regexp_replace(c, '(\w+) IN ' || CASE fix WHEN 'sees' THEN sees_old ELSE town_old END,
        '(app_scope_all() OR \1 IN (SELECT s.id FROM ' || CASE fix WHEN 'sees' THEN 'app_scope_org_ids()' ELSE 'app_scope_town_org_ids()' END || ' AS s(id)))', 'g');
    END LOOP;
    IF q IS DISTINCT FROM pol.qual THEN EXECUTE format('ALTER POLICY %I ON %I USING (%s)', pol.policyname, pol.tablename, q); END IF;
    IF c IS DISTINCT FROM pol.with_check THEN EXECUTE format('ALTER POLICY %I ON %I WITH CHECK (%s)', pol.policyname, pol.tablename, c); END IF;
  END LOOP;
  IF EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'public'
             AND (coalesce(qual, '') || coalesce(with_check, '')) ~ 'FROM organizations o\s+WHERE app_scope_(sees|town)\(o\.') THEN
    RAISE EXCEPTION 'a policy still scans every organisation';
  END IF;
END
$$;
