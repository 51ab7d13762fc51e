CREATE TABLE "household_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"household_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"since" date NOT NULL,
	"until" date,
	"created_by" integer NOT NULL,
	CONSTRAINT "household_links_period_check" CHECK ("household_links"."until" is null or "household_links"."until" >= "household_links"."since")
);
--> statement-breakpoint
CREATE TABLE "household_visits" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"household_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"visited_on" date NOT NULL,
	"method" text NOT NULL,
	"raised" text,
	"note" text,
	"matter_id" integer,
	"proxy" boolean DEFAULT false NOT NULL,
	"entered_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_visits_method_check" CHECK ("method" in ('door', 'phone', 'wechat', 'field', 'other'))
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"head_name" text NOT NULL,
	"hamlet" text,
	"address" text,
	"people" integer,
	"situation" text,
	"phone_enc" text,
	"phone_masked" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "households_people_check" CHECK ("households"."people" is null or "households"."people" between 1 and 50)
);
--> statement-breakpoint
ALTER TABLE "household_links" ADD CONSTRAINT "household_links_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_links" ADD CONSTRAINT "household_links_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_links" ADD CONSTRAINT "household_links_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_links" ADD CONSTRAINT "household_links_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_links" ADD CONSTRAINT "household_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_visits" ADD CONSTRAINT "household_visits_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_visits" ADD CONSTRAINT "household_visits_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_visits" ADD CONSTRAINT "household_visits_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_visits" ADD CONSTRAINT "household_visits_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_visits" ADD CONSTRAINT "household_visits_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "household_links_open_uq" ON "household_links" USING btree ("household_id","person_id") WHERE "household_links"."until" is null;--> statement-breakpoint
CREATE INDEX "household_links_person_idx" ON "household_links" USING btree ("person_id") WHERE "household_links"."until" is null;--> statement-breakpoint
CREATE INDEX "household_visits_household_idx" ON "household_visits" USING btree ("household_id","visited_on");--> statement-breakpoint
CREATE INDEX "household_visits_person_idx" ON "household_visits" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "households_org_idx" ON "households" USING btree ("organization_id","hamlet");--> statement-breakpoint
-- Row-level security (the fail-closed backstop of the scoped queries, as 0046): households, their links and visits are
-- read and written within the subtree of the village branch they are filed under.
ALTER TABLE "households" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_read" ON "households" FOR SELECT
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
CREATE POLICY "scope_write" ON "households" FOR ALL
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
ALTER TABLE "household_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_read" ON "household_links" FOR SELECT
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
CREATE POLICY "scope_write" ON "household_links" FOR ALL
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
ALTER TABLE "household_visits" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_read" ON "household_visits" FOR SELECT
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
CREATE POLICY "scope_write" ON "household_visits" FOR ALL
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));
