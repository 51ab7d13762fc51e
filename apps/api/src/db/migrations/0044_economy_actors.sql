CREATE TABLE "economy_actor_support" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"actor_id" integer NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"amount_fen" bigint,
	"description" text,
	"source" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "economy_actor_support_kind_check" CHECK ("kind" in ('funds', 'land', 'training', 'other'))
);
--> statement-breakpoint
CREATE TABLE "economy_actors" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"representative" text,
	"leader_talent_id" integer,
	"leader_name" text,
	"members" integer,
	"households" integer,
	"business" text,
	"note" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" integer,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "economy_actors_kind_check" CHECK ("kind" in ('cooperative', 'family_farm', 'leading_enterprise', 'special_base'))
);
--> statement-breakpoint
CREATE TABLE "economy_products" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"natural_village" text,
	"area_mu" double precision,
	"output_amount" double precision,
	"output_unit" text,
	"value_fen" bigint,
	"figures_year" integer,
	"households" integer,
	"brand" text,
	"note" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" integer,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "economy_products_category_check" CHECK ("category" in ('fungi', 'seed', 'orchard', 'vegetable', 'nursery', 'herbal', 'livestock', 'handicraft', 'tourism', 'other'))
);
--> statement-breakpoint
CREATE TABLE "economy_project_incomes" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"year" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"note" text,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "economy_project_photos" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"caption" text,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "economy_projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"name" text NOT NULL,
	"investment_fen" bigint NOT NULL,
	"funding" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"stage" text NOT NULL,
	"approved_on" date,
	"started_on" date,
	"accepted_on" date,
	"operating_on" date,
	"acceptance_note" text,
	"four_two_id" integer,
	"disclosure_id" integer,
	"note" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" integer,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "economy_projects_stage_check" CHECK ("stage" in ('approved', 'building', 'accepted', 'operating'))
);
--> statement-breakpoint
ALTER TABLE "economy_actor_support" ADD CONSTRAINT "economy_actor_support_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_actor_support" ADD CONSTRAINT "economy_actor_support_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_actor_support" ADD CONSTRAINT "economy_actor_support_actor_id_economy_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."economy_actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_actor_support" ADD CONSTRAINT "economy_actor_support_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_actors" ADD CONSTRAINT "economy_actors_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_actors" ADD CONSTRAINT "economy_actors_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_actors" ADD CONSTRAINT "economy_actors_leader_talent_id_talents_id_fk" FOREIGN KEY ("leader_talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_actors" ADD CONSTRAINT "economy_actors_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_actors" ADD CONSTRAINT "economy_actors_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_products" ADD CONSTRAINT "economy_products_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_products" ADD CONSTRAINT "economy_products_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_products" ADD CONSTRAINT "economy_products_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_products" ADD CONSTRAINT "economy_products_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_project_incomes" ADD CONSTRAINT "economy_project_incomes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_project_incomes" ADD CONSTRAINT "economy_project_incomes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_project_incomes" ADD CONSTRAINT "economy_project_incomes_project_id_economy_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."economy_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_project_incomes" ADD CONSTRAINT "economy_project_incomes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_project_photos" ADD CONSTRAINT "economy_project_photos_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_project_photos" ADD CONSTRAINT "economy_project_photos_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_project_photos" ADD CONSTRAINT "economy_project_photos_project_id_economy_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."economy_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_project_photos" ADD CONSTRAINT "economy_project_photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_projects" ADD CONSTRAINT "economy_projects_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_projects" ADD CONSTRAINT "economy_projects_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_projects" ADD CONSTRAINT "economy_projects_four_two_id_four_two_procedures_id_fk" FOREIGN KEY ("four_two_id") REFERENCES "public"."four_two_procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_projects" ADD CONSTRAINT "economy_projects_disclosure_id_disclosures_id_fk" FOREIGN KEY ("disclosure_id") REFERENCES "public"."disclosures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_projects" ADD CONSTRAINT "economy_projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "economy_projects" ADD CONSTRAINT "economy_projects_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "economy_actor_support_actor_idx" ON "economy_actor_support" USING btree ("actor_id","year");--> statement-breakpoint
CREATE INDEX "economy_actors_org_idx" ON "economy_actors" USING btree ("organization_id","kind");--> statement-breakpoint
CREATE INDEX "economy_products_org_idx" ON "economy_products" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "economy_project_incomes_year_uq" ON "economy_project_incomes" USING btree ("project_id","year");--> statement-breakpoint
CREATE INDEX "economy_project_photos_project_idx" ON "economy_project_photos" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "economy_projects_org_idx" ON "economy_projects" USING btree ("organization_id");--> statement-breakpoint
-- 一村一品, 经营主体 (and their support), 村级项目 (their 收益 and photos) are the village's: each row carries its village
-- branch and is seen in the caller's subtrees; the town and the village's secretary write them (the service decides).
ALTER TABLE "economy_products" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "economy_products" FOR ALL
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
ALTER TABLE "economy_actors" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "economy_actors" FOR ALL
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
ALTER TABLE "economy_actor_support" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "economy_actor_support" FOR ALL
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
ALTER TABLE "economy_projects" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "economy_projects" FOR ALL
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
ALTER TABLE "economy_project_incomes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "economy_project_incomes" FOR ALL
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
ALTER TABLE "economy_project_photos" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "economy_project_photos" FOR ALL
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));
