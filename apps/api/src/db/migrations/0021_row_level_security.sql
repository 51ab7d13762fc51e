-- Row-level security as the backstop behind scopeFilter (issue 12 point 6; docs/decisions/008-row-level-security.md).
-- The policies read the setting app.scope: '' (or unset) sees nothing, '*' is the system, '<tenant>:<path>,<path>' a
-- user's subtrees. Not forced: the tables' owner (migrations, CLIs) bypasses them; the platform's role (dj_app) does not.
CREATE OR REPLACE FUNCTION app_scope_town(t integer) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE coalesce(current_setting('app.scope', true), '')
    WHEN '*' THEN true
    WHEN '' THEN false
    ELSE split_part(current_setting('app.scope', true), ':', 1) = t::text
  END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_scope_sees(t integer, p text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE coalesce(current_setting('app.scope', true), '')
    WHEN '*' THEN true
    WHEN '' THEN false
    ELSE split_part(current_setting('app.scope', true), ':', 1) = t::text
      AND EXISTS (SELECT 1 FROM unnest(string_to_array(split_part(current_setting('app.scope', true), ':', 2), ',')) AS r(root)
                  WHERE root <> '' AND left(p, length(root)) = root)
  END
$$;--> statement-breakpoint
-- Organisations are read town-wide (a transfer names the other branch, the public pages list every village) and
-- written only inside the scope.
ALTER TABLE "organizations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_read" ON "organizations" FOR SELECT USING (app_scope_town("tenant_id"));--> statement-breakpoint
CREATE POLICY "scope_insert" ON "organizations" FOR INSERT WITH CHECK (app_scope_sees("tenant_id", "path"));--> statement-breakpoint
CREATE POLICY "scope_update" ON "organizations" FOR UPDATE USING (app_scope_sees("tenant_id", "path")) WITH CHECK (app_scope_sees("tenant_id", "path"));--> statement-breakpoint
CREATE POLICY "scope_delete" ON "organizations" FOR DELETE USING (app_scope_sees("tenant_id", "path"));--> statement-breakpoint
-- Every table with an organisation of its own: rows whose organisation lies inside the scope; a written row may name
-- any organisation of the same town (a transfer hands a member to another branch), never another town's. The
-- organisation ids are a hashed subplan computed once per statement.
DO $$
DECLARE
  t text;
  sees constant text := '"organization_id" IN (SELECT o."id" FROM "organizations" o WHERE app_scope_sees(o."tenant_id", o."path"))';
  town constant text := '"organization_id" IN (SELECT o."id" FROM "organizations" o WHERE app_scope_town(o."tenant_id"))';
BEGIN
  FOREACH t IN ARRAY ARRAY['members', 'activities', 'recruitments', 'recruitment_plans', 'disclosures', 'rectifications',
    'inspection_results', 'inspection_round_villages', 'service_centers', 'duty_shifts', 'micro_power_adoptions',
    'micro_power_uses', 'four_two_procedures', 'organization_history', 'committee_terms']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY "scope_read" ON %I FOR SELECT USING (%s)', t, sees);
    EXECUTE format('CREATE POLICY "scope_insert" ON %I FOR INSERT WITH CHECK (%s)', t, town);
    EXECUTE format('CREATE POLICY "scope_update" ON %I FOR UPDATE USING (%s) WITH CHECK (%s)', t, sees, town);
    EXECUTE format('CREATE POLICY "scope_delete" ON %I FOR DELETE USING (%s)', t, sees);
  END LOOP;
END
$$;
