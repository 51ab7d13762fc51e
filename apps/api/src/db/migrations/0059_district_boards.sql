CREATE TABLE "district_board_versions" (
	"tenant_id" integer NOT NULL,
	"period" text NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "district_board_versions_tenant_id_period_pk" PRIMARY KEY("tenant_id","period")
);
--> statement-breakpoint
CREATE TABLE "district_boards" (
	"tenant_id" integer NOT NULL,
	"period" text NOT NULL,
	"version" integer NOT NULL,
	"key" text NOT NULL,
	"body" text NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "district_boards_tenant_id_period_pk" PRIMARY KEY("tenant_id","period")
);
--> statement-breakpoint
ALTER TABLE "district_board_versions" ADD CONSTRAINT "district_board_versions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_boards" ADD CONSTRAINT "district_boards_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The district's own rows, in the district's row scope (the scope's tenant read once per statement, as district_figures).
-- Versions: read only; the trigger below writes them. Boards: a district user's request stores the board it built.
ALTER TABLE "district_board_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_read" ON "district_board_versions" FOR SELECT USING (
  (SELECT coalesce(current_setting('app.scope', true), '') = '*')
  OR "tenant_id"::text = (SELECT split_part(coalesce(current_setting('app.scope', true), ''), ':', 1)));--> statement-breakpoint
ALTER TABLE "district_boards" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "district_boards" FOR ALL USING (
  (SELECT coalesce(current_setting('app.scope', true), '') = '*')
  OR "tenant_id"::text = (SELECT split_part(coalesce(current_setting('app.scope', true), ''), ':', 1)))
  WITH CHECK (
  (SELECT coalesce(current_setting('app.scope', true), '') = '*')
  OR "tenant_id"::text = (SELECT split_part(coalesce(current_setting('app.scope', true), ''), ':', 1)));--> statement-breakpoint
-- As 0045, and each replacement of a town's figures raises the district's version of the month, so a board built from
-- the figures before it is no longer served. One row per district and month: towns are stored one after another (the
-- job, a district's 刷新), so the row's lock is held only for the length of one town's store.
CREATE OR REPLACE FUNCTION district_figures_keep() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE district integer;
BEGIN
  SELECT t.district_id INTO district FROM tenants t WHERE t.id = NEW.tenant_id;
  IF district IS NULL THEN RETURN NULL; END IF;
  DELETE FROM district_figures WHERE tenant_id = district AND period = NEW.period AND town_tenant_id = NEW.tenant_id;
  INSERT INTO district_figures (tenant_id, period, town_tenant_id, computed_at, "group", group_title, label, tile_place, figure_place, value)
  SELECT district, NEW.period, NEW.tenant_id, NEW.computed_at, f.* FROM district_figures_of(NEW.body) f;
  INSERT INTO district_board_versions AS v (tenant_id, period, version) VALUES (district, NEW.period, 1)
  ON CONFLICT (tenant_id, period) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- The months whose figures are already held, once.
INSERT INTO district_board_versions (tenant_id, period, version)
SELECT DISTINCT tenant_id, period, 1 FROM district_figures;
