CREATE TABLE "showcase_criteria" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "showcase_evaluations" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"showcase_id" integer NOT NULL,
	"year" integer NOT NULL,
	"evaluated_on" date NOT NULL,
	"items" jsonb NOT NULL,
	"conclusion" text NOT NULL,
	"note" text,
	"evaluated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "showcase_evaluations_conclusion_check" CHECK ("conclusion" in ('keep', 'improve', 'withdraw'))
);
--> statement-breakpoint
CREATE TABLE "showcase_photos" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"showcase_id" integer NOT NULL,
	"caption" text,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "showcase_visits" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"showcase_id" integer NOT NULL,
	"visited_on" date NOT NULL,
	"visitors" text NOT NULL,
	"people" integer NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "showcases" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"name" text NOT NULL,
	"theme" text NOT NULL,
	"status" text NOT NULL,
	"since_year" integer,
	"summary" text,
	"practices" text,
	"published_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" integer,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "showcases_status_check" CHECK ("status" in ('building', 'named', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "town_news" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"author" text NOT NULL,
	"status" text NOT NULL,
	"created_by" integer,
	"approved_by" integer,
	"approved_at" timestamp with time zone,
	"published_by" integer,
	"published_at" timestamp with time zone,
	"scanned_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "town_news_status_check" CHECK ("status" in ('draft', 'approved', 'published', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "town_news_images" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"news_id" integer NOT NULL,
	"caption" text,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "showcase_criteria" ADD CONSTRAINT "showcase_criteria_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "showcase_criteria" ADD CONSTRAINT "showcase_criteria_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "showcase_evaluations" ADD CONSTRAINT "showcase_evaluations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "showcase_evaluations" ADD CONSTRAINT "showcase_evaluations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "showcase_evaluations" ADD CONSTRAINT "showcase_evaluations_showcase_id_showcases_id_fk" FOREIGN KEY ("showcase_id") REFERENCES "public"."showcases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "showcase_evaluations" ADD CONSTRAINT "showcase_evaluations_evaluated_by_users_id_fk" FOREIGN KEY ("evaluated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "showcase_photos" ADD CONSTRAINT "showcase_photos_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "showcase_photos" ADD CONSTRAINT "showcase_photos_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "showcase_photos" ADD CONSTRAINT "showcase_photos_showcase_id_showcases_id_fk" FOREIGN KEY ("showcase_id") REFERENCES "public"."showcases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "showcase_photos" ADD CONSTRAINT "showcase_photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "showcase_visits" ADD CONSTRAINT "showcase_visits_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "showcase_visits" ADD CONSTRAINT "showcase_visits_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "showcase_visits" ADD CONSTRAINT "showcase_visits_showcase_id_showcases_id_fk" FOREIGN KEY ("showcase_id") REFERENCES "public"."showcases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "showcase_visits" ADD CONSTRAINT "showcase_visits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "showcases" ADD CONSTRAINT "showcases_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "showcases" ADD CONSTRAINT "showcases_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "showcases" ADD CONSTRAINT "showcases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "showcases" ADD CONSTRAINT "showcases_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "town_news" ADD CONSTRAINT "town_news_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "town_news" ADD CONSTRAINT "town_news_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "town_news" ADD CONSTRAINT "town_news_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "town_news" ADD CONSTRAINT "town_news_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "town_news" ADD CONSTRAINT "town_news_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "town_news_images" ADD CONSTRAINT "town_news_images_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "town_news_images" ADD CONSTRAINT "town_news_images_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "town_news_images" ADD CONSTRAINT "town_news_images_news_id_town_news_id_fk" FOREIGN KEY ("news_id") REFERENCES "public"."town_news"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "town_news_images" ADD CONSTRAINT "town_news_images_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "showcase_criteria_tenant_idx" ON "showcase_criteria" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "showcase_evaluations_year_uq" ON "showcase_evaluations" USING btree ("showcase_id","year");--> statement-breakpoint
CREATE INDEX "showcase_photos_showcase_idx" ON "showcase_photos" USING btree ("showcase_id");--> statement-breakpoint
CREATE INDEX "showcase_visits_showcase_idx" ON "showcase_visits" USING btree ("showcase_id","visited_on");--> statement-breakpoint
CREATE INDEX "showcases_org_idx" ON "showcases" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "showcases_tenant_idx" ON "showcases" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "town_news_public_idx" ON "town_news" USING btree ("tenant_id","status","published_at");--> statement-breakpoint
CREATE INDEX "town_news_images_news_idx" ON "town_news_images" USING btree ("news_id");--> statement-breakpoint
-- 党建示范点 and 党建动态 (issue 20): every row carries its organisation (a showcase its branch, the criteria and the news the
-- town's root), seen and written in the caller's subtrees (the service decides who may write). The public pages run as the
-- system and choose published rows themselves.
ALTER TABLE "showcases" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "showcases" FOR ALL
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
ALTER TABLE "showcase_criteria" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "showcase_criteria" FOR ALL
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
ALTER TABLE "showcase_evaluations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "showcase_evaluations" FOR ALL
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
ALTER TABLE "showcase_visits" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "showcase_visits" FOR ALL
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
ALTER TABLE "showcase_photos" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "showcase_photos" FOR ALL
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
ALTER TABLE "town_news" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "town_news" FOR ALL
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
ALTER TABLE "town_news_images" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "town_news_images" FOR ALL
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));
