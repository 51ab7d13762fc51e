CREATE TABLE "cadre_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"cadre_post_id" integer NOT NULL,
	"kind" text NOT NULL,
	"role" text NOT NULL,
	"occurred_on" date NOT NULL,
	"reason" text NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cadre_changes_kind_check" CHECK ("kind" in ('election', 'appointment', 'assignment', 'adjustment', 'resignation', 'dismissal')),
	CONSTRAINT "cadre_changes_role_check" CHECK ("role" in ('start', 'end'))
);
--> statement-breakpoint
CREATE TABLE "cadre_posts" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"post" text NOT NULL,
	"how" text NOT NULL,
	"term_id" integer,
	"started_on" date NOT NULL,
	"ended_on" date,
	"period_ends_on" date,
	"home_post" text,
	"sending_unit" text,
	"support_projects" text,
	"support_fen" integer,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cadre_posts_post_check" CHECK ("post" in ('secretary', 'deputy_secretary', 'branch_member', 'director', 'committee_member', 'family_planning', 'bookkeeper', 'women_director', 'first_secretary')),
	CONSTRAINT "cadre_posts_how_check" CHECK ("how" in ('election', 'appointment', 'assignment', 'adjustment', 'resignation', 'dismissal'))
);
--> statement-breakpoint
CREATE TABLE "cadre_terms" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"elected_on" date NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secretary_adjustments" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"reason" text NOT NULL,
	"marked_on" date NOT NULL,
	"decision" text,
	"decision_note" text,
	"decided_on" date,
	"created_by" integer NOT NULL,
	"decided_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "secretary_adjustments_decision_check" CHECK ("decision" in ('kept', 'adjusted'))
);
--> statement-breakpoint
ALTER TABLE "cadre_changes" ADD CONSTRAINT "cadre_changes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_changes" ADD CONSTRAINT "cadre_changes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_changes" ADD CONSTRAINT "cadre_changes_cadre_post_id_cadre_posts_id_fk" FOREIGN KEY ("cadre_post_id") REFERENCES "public"."cadre_posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_changes" ADD CONSTRAINT "cadre_changes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_posts" ADD CONSTRAINT "cadre_posts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_posts" ADD CONSTRAINT "cadre_posts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_posts" ADD CONSTRAINT "cadre_posts_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_posts" ADD CONSTRAINT "cadre_posts_term_id_cadre_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."cadre_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_posts" ADD CONSTRAINT "cadre_posts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_terms" ADD CONSTRAINT "cadre_terms_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_terms" ADD CONSTRAINT "cadre_terms_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_terms" ADD CONSTRAINT "cadre_terms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretary_adjustments" ADD CONSTRAINT "secretary_adjustments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretary_adjustments" ADD CONSTRAINT "secretary_adjustments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretary_adjustments" ADD CONSTRAINT "secretary_adjustments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretary_adjustments" ADD CONSTRAINT "secretary_adjustments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretary_adjustments" ADD CONSTRAINT "secretary_adjustments_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cadre_changes_org_idx" ON "cadre_changes" USING btree ("organization_id","occurred_on");--> statement-breakpoint
CREATE INDEX "cadre_posts_org_idx" ON "cadre_posts" USING btree ("organization_id","post");--> statement-breakpoint
CREATE UNIQUE INDEX "cadre_posts_one_holder_uq" ON "cadre_posts" USING btree ("organization_id","post") WHERE "cadre_posts"."ended_on" is null and "cadre_posts"."post" not in ('branch_member', 'committee_member');--> statement-breakpoint
CREATE UNIQUE INDEX "cadre_posts_person_post_uq" ON "cadre_posts" USING btree ("organization_id","post","person_id") WHERE "cadre_posts"."ended_on" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "cadre_terms_org_year_uq" ON "cadre_terms" USING btree ("organization_id","start_year");--> statement-breakpoint
CREATE INDEX "secretary_adjustments_org_idx" ON "secretary_adjustments" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "secretary_adjustments_open_uq" ON "secretary_adjustments" USING btree ("organization_id") WHERE "secretary_adjustments"."decision" is null;--> statement-breakpoint
-- Row-level security as for the other organisation-owned tables (0021): the backstop behind the scoped loaders.
DO $$
DECLARE
  t text;
  sees constant text := '"organization_id" IN (SELECT o."id" FROM "organizations" o WHERE app_scope_sees(o."tenant_id", o."path"))';
  town constant text := '"organization_id" IN (SELECT o."id" FROM "organizations" o WHERE app_scope_town(o."tenant_id"))';
BEGIN
  FOREACH t IN ARRAY ARRAY['cadre_terms', 'cadre_posts', 'cadre_changes', 'secretary_adjustments']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY "scope_read" ON %I FOR SELECT USING (%s)', t, sees);
    EXECUTE format('CREATE POLICY "scope_insert" ON %I FOR INSERT WITH CHECK (%s)', t, town);
    EXECUTE format('CREATE POLICY "scope_update" ON %I FOR UPDATE USING (%s) WITH CHECK (%s)', t, sees, town);
    EXECUTE format('CREATE POLICY "scope_delete" ON %I FOR DELETE USING (%s)', t, sees);
  END LOOP;
END
$$;
