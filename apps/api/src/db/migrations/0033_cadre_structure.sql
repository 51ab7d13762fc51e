CREATE TABLE "cadre_employment_reviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"employment_id" integer NOT NULL,
	"year" integer NOT NULL,
	"result" text NOT NULL,
	"note" text,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cadre_employment_reviews_result_check" CHECK ("result" in ('excellent', 'competent', 'basically_competent', 'incompetent'))
);
--> statement-breakpoint
CREATE TABLE "cadre_employments" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"cadre_post_id" integer NOT NULL,
	"since" date NOT NULL,
	"rule_text" text NOT NULL,
	"career_treatment" boolean DEFAULT false NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_team_members" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"team_name" text NOT NULL,
	"started_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"ended_on" date,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_team_villages" (
	"tenant_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	CONSTRAINT "service_team_villages_member_id_organization_id_pk" PRIMARY KEY("member_id","organization_id")
);
--> statement-breakpoint
ALTER TABLE "cadre_posts" ADD COLUMN "local_talent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cadre_employment_reviews" ADD CONSTRAINT "cadre_employment_reviews_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_employment_reviews" ADD CONSTRAINT "cadre_employment_reviews_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_employment_reviews" ADD CONSTRAINT "cadre_employment_reviews_employment_id_cadre_employments_id_fk" FOREIGN KEY ("employment_id") REFERENCES "public"."cadre_employments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_employment_reviews" ADD CONSTRAINT "cadre_employment_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_employments" ADD CONSTRAINT "cadre_employments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_employments" ADD CONSTRAINT "cadre_employments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_employments" ADD CONSTRAINT "cadre_employments_cadre_post_id_cadre_posts_id_fk" FOREIGN KEY ("cadre_post_id") REFERENCES "public"."cadre_posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_employments" ADD CONSTRAINT "cadre_employments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_team_members" ADD CONSTRAINT "service_team_members_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_team_members" ADD CONSTRAINT "service_team_members_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_team_villages" ADD CONSTRAINT "service_team_villages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_team_villages" ADD CONSTRAINT "service_team_villages_member_id_service_team_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."service_team_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_team_villages" ADD CONSTRAINT "service_team_villages_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cadre_employment_reviews_year_uq" ON "cadre_employment_reviews" USING btree ("employment_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "cadre_employments_post_uq" ON "cadre_employments" USING btree ("cadre_post_id");--> statement-breakpoint
CREATE INDEX "cadre_employments_org_idx" ON "cadre_employments" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "service_team_members_tenant_idx" ON "service_team_members" USING btree ("tenant_id","ends_on");--> statement-breakpoint
CREATE INDEX "service_team_villages_org_idx" ON "service_team_villages" USING btree ("organization_id");--> statement-breakpoint
-- Row-level security as for the cadres tables (0024): rows of an organisation inside the scope.
DO $$
DECLARE
  t text;
  sees constant text := '"organization_id" IN (SELECT o."id" FROM "organizations" o WHERE app_scope_sees(o."tenant_id", o."path"))';
  town constant text := '"organization_id" IN (SELECT o."id" FROM "organizations" o WHERE app_scope_town(o."tenant_id"))';
BEGIN
  FOREACH t IN ARRAY ARRAY['cadre_employments', 'cadre_employment_reviews', 'service_team_villages']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY "scope_read" ON %I FOR SELECT USING (%s)', t, sees);
    EXECUTE format('CREATE POLICY "scope_insert" ON %I FOR INSERT WITH CHECK (%s)', t, town);
    EXECUTE format('CREATE POLICY "scope_update" ON %I FOR UPDATE USING (%s) WITH CHECK (%s)', t, sees, town);
    EXECUTE format('CREATE POLICY "scope_delete" ON %I FOR DELETE USING (%s)', t, sees);
  END LOOP;
END
$$;--> statement-breakpoint
-- A 服务队 member has no organisation of its own: like organizations, it is read and written town-wide (the tenant
-- is the backstop); which villages' members a caller sees is decided by service_team_villages' policy and scopeFilter.
ALTER TABLE "service_team_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_read" ON "service_team_members" FOR SELECT USING (app_scope_town("tenant_id"));--> statement-breakpoint
CREATE POLICY "scope_insert" ON "service_team_members" FOR INSERT WITH CHECK (app_scope_town("tenant_id"));--> statement-breakpoint
CREATE POLICY "scope_update" ON "service_team_members" FOR UPDATE USING (app_scope_town("tenant_id")) WITH CHECK (app_scope_town("tenant_id"));--> statement-breakpoint
CREATE POLICY "scope_delete" ON "service_team_members" FOR DELETE USING (app_scope_town("tenant_id"));
