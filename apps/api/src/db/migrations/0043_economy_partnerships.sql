CREATE TABLE "economy_partnership_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"partnership_id" integer NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "economy_partnership_orgs" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"partnership_id" integer NOT NULL,
	"linked_org_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "economy_partnership_years" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"partnership_id" integer NOT NULL,
	"year" integer NOT NULL,
	"planned_fen" bigint NOT NULL,
	"received_fen" bigint,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "economy_partnerships" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"partner_kind" text NOT NULL,
	"partner_name" text NOT NULL,
	"status" text NOT NULL,
	"income_source" text NOT NULL,
	"terms" text,
	"signed_on" date,
	"starts_on" date,
	"ends_on" date,
	"partner_branch_name" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "economy_partnerships_partner_kind_check" CHECK ("partner_kind" in ('enterprise', 'park')),
	CONSTRAINT "economy_partnerships_status_check" CHECK ("status" in ('negotiating', 'active', 'ended', 'terminated')),
	CONSTRAINT "economy_partnerships_income_source_check" CHECK ("income_source" in ('contracting', 'investment', 'operating'))
);
--> statement-breakpoint
ALTER TABLE "economy_partnership_files" ADD CONSTRAINT "economy_partnership_files_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_partnership_files" ADD CONSTRAINT "economy_partnership_files_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_partnership_files" ADD CONSTRAINT "economy_partnership_files_partnership_id_economy_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."economy_partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_partnership_files" ADD CONSTRAINT "economy_partnership_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_partnership_orgs" ADD CONSTRAINT "economy_partnership_orgs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_partnership_orgs" ADD CONSTRAINT "economy_partnership_orgs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_partnership_orgs" ADD CONSTRAINT "economy_partnership_orgs_partnership_id_economy_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."economy_partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_partnership_orgs" ADD CONSTRAINT "economy_partnership_orgs_linked_org_id_organizations_id_fk" FOREIGN KEY ("linked_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_partnership_years" ADD CONSTRAINT "economy_partnership_years_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_partnership_years" ADD CONSTRAINT "economy_partnership_years_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_partnership_years" ADD CONSTRAINT "economy_partnership_years_partnership_id_economy_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."economy_partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_partnerships" ADD CONSTRAINT "economy_partnerships_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_partnerships" ADD CONSTRAINT "economy_partnerships_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_partnerships" ADD CONSTRAINT "economy_partnerships_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "economy_partnership_files_partnership_idx" ON "economy_partnership_files" USING btree ("partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "economy_partnership_orgs_uq" ON "economy_partnership_orgs" USING btree ("partnership_id","linked_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "economy_partnership_years_uq" ON "economy_partnership_years" USING btree ("partnership_id","year");--> statement-breakpoint
CREATE INDEX "economy_partnership_years_org_year_idx" ON "economy_partnership_years" USING btree ("organization_id","year");--> statement-breakpoint
CREATE INDEX "economy_partnerships_org_idx" ON "economy_partnerships" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "economy_partnerships_due_idx" ON "economy_partnerships" USING btree ("tenant_id","status","ends_on");--> statement-breakpoint
-- A partnership and its years, 联建 organisations and files are the village's rows (seen in the caller's subtrees, as
-- its income in 0042); the town and the village's secretary write them (the service decides), so the check is the read.
DO $$
DECLARE
  t text;
  sees constant text := 'app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id))';
BEGIN
  FOREACH t IN ARRAY ARRAY['economy_partnerships', 'economy_partnership_years', 'economy_partnership_orgs', 'economy_partnership_files']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY "scope_all" ON %I FOR ALL USING (%s) WITH CHECK (%s)', t, sees, sees);
  END LOOP;
END
$$;
