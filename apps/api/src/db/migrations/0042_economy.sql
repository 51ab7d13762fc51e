CREATE TABLE "economy_incomes" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"origin" text NOT NULL,
	"operating_fen" bigint NOT NULL,
	"contracting_fen" bigint NOT NULL,
	"investment_fen" bigint NOT NULL,
	"subsidy_fen" bigint NOT NULL,
	"other_fen" bigint NOT NULL,
	"reason" text,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" integer,
	"submitted_at" timestamp with time zone,
	"approved_by" integer,
	"approved_at" timestamp with time zone,
	CONSTRAINT "economy_incomes_status_check" CHECK ("status" in ('draft', 'submitted', 'approved')),
	CONSTRAINT "economy_incomes_origin_check" CHECK ("origin" in ('form', 'import'))
);
--> statement-breakpoint
ALTER TABLE "economy_incomes" ADD CONSTRAINT "economy_incomes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_incomes" ADD CONSTRAINT "economy_incomes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_incomes" ADD CONSTRAINT "economy_incomes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_incomes" ADD CONSTRAINT "economy_incomes_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_incomes" ADD CONSTRAINT "economy_incomes_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "economy_incomes_version_uq" ON "economy_incomes" USING btree ("organization_id","year","version");--> statement-breakpoint
CREATE UNIQUE INDEX "economy_incomes_open_uq" ON "economy_incomes" USING btree ("organization_id","year") WHERE status <> 'approved';--> statement-breakpoint
CREATE INDEX "economy_incomes_tenant_year_idx" ON "economy_incomes" USING btree ("tenant_id","year");--> statement-breakpoint
-- A village's income rows are the village's (seen in the caller's subtrees); the town and the village's secretary write
-- them (the service decides), so the check is the same as the read.
ALTER TABLE "economy_incomes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "economy_incomes" FOR ALL
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
-- Versions are append-only: an approved version never changes and no version is deleted (a correction is the next
-- version with its reason), whoever writes, so the history the town approved stays as it was.
CREATE FUNCTION economy_incomes_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.status = 'approved' THEN
    RAISE EXCEPTION 'economy_incomes: approved versions are frozen and versions are never deleted';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER economy_incomes_frozen BEFORE UPDATE OR DELETE ON "economy_incomes" FOR EACH ROW EXECUTE FUNCTION economy_incomes_frozen();
