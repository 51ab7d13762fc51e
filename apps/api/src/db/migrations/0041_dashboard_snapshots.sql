-- 驾驶舱快照 (issue 17 point 6, docs/decisions/010): a town's whole-town 驾驶舱 of a month as last computed. A row is
-- the town's (a town-level table, as assessment_periods): the job and the district write and read it in that town's row
-- scope (the derived caller), so no town reads another's.
CREATE TABLE "dashboard_snapshots" (
	"tenant_id" integer NOT NULL,
	"period" text NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"body" jsonb NOT NULL,
	CONSTRAINT "dashboard_snapshots_tenant_period_unique" UNIQUE("tenant_id","period")
);
--> statement-breakpoint
ALTER TABLE "dashboard_snapshots" ADD CONSTRAINT "dashboard_snapshots_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_snapshots" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "dashboard_snapshots" FOR ALL USING (app_scope_all() OR app_scope_town("tenant_id")) WITH CHECK (app_scope_all() OR app_scope_town("tenant_id"));
