CREATE TABLE "matter_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"matter_id" integer NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"text" text,
	"rating" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matter_events_kind_check" CHECK ("kind" in ('raised', 'discussed', 'step', 'handled', 'escalated', 'rated', 'reopened')),
	CONSTRAINT "matter_events_rating_check" CHECK ("rating" in ('satisfied', 'basically', 'dissatisfied'))
);
--> statement-breakpoint
CREATE TABLE "matter_photos" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"matter_id" integer NOT NULL,
	"caption" text,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matters" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"receipt" text NOT NULL,
	"source" text NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"place" text,
	"raiser_name" text,
	"raiser_phone_enc" text,
	"visit_note" text,
	"raised_on" date NOT NULL,
	"raised_activity_id" integer,
	"stage" text DEFAULT 'raised' NOT NULL,
	"forum" text,
	"discussed_on" date,
	"discussion" text,
	"discussion_activity_id" integer,
	"owner_name" text,
	"due_on" date,
	"four_two_id" integer,
	"handled_on" date,
	"result" text,
	"reply" text,
	"rating" text,
	"rating_reason" text,
	"rated_on" date,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"escalated_on" date,
	"escalation_reason" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matters_reopen_check" CHECK ("matters"."reopen_count" between 0 and 1),
	CONSTRAINT "matters_source_check" CHECK ("source" in ('say_day', 'visit', 'public_form', 'walk_in')),
	CONSTRAINT "matters_category_check" CHECK ("category" in ('dispute', 'livelihood', 'development', 'supervision', 'other')),
	CONSTRAINT "matters_stage_check" CHECK ("stage" in ('raised', 'discussed', 'handled', 'rated')),
	CONSTRAINT "matters_forum_check" CHECK ("forum" in ('say_day', 'deliberation_day', 'committee')),
	CONSTRAINT "matters_rating_check" CHECK ("rating" in ('satisfied', 'basically', 'dissatisfied'))
);
--> statement-breakpoint
ALTER TABLE "matter_events" ADD CONSTRAINT "matter_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_events" ADD CONSTRAINT "matter_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_events" ADD CONSTRAINT "matter_events_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_events" ADD CONSTRAINT "matter_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_photos" ADD CONSTRAINT "matter_photos_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_photos" ADD CONSTRAINT "matter_photos_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_photos" ADD CONSTRAINT "matter_photos_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_photos" ADD CONSTRAINT "matter_photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_raised_activity_id_activities_id_fk" FOREIGN KEY ("raised_activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_discussion_activity_id_activities_id_fk" FOREIGN KEY ("discussion_activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_four_two_id_four_two_procedures_id_fk" FOREIGN KEY ("four_two_id") REFERENCES "public"."four_two_procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "matter_events_matter_idx" ON "matter_events" USING btree ("matter_id","id");--> statement-breakpoint
CREATE INDEX "matter_photos_matter_idx" ON "matter_photos" USING btree ("matter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "matters_receipt_uq" ON "matters" USING btree ("receipt");--> statement-breakpoint
CREATE INDEX "matters_org_raised_idx" ON "matters" USING btree ("organization_id","raised_on");--> statement-breakpoint
CREATE INDEX "matters_tenant_stage_idx" ON "matters" USING btree ("tenant_id","stage");--> statement-breakpoint
-- Row-level security (the fail-closed backstop of the scoped queries, as 0042): a matter, its history and its photos
-- are read and written in the subtree of the village branch they are filed under. The public form and status page run
-- as the system ('*', decision 008) and choose rows by village code or receipt.
ALTER TABLE "matters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_read" ON "matters" FOR SELECT
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
CREATE POLICY "scope_write" ON "matters" FOR ALL
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
ALTER TABLE "matter_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_read" ON "matter_events" FOR SELECT
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
CREATE POLICY "scope_write" ON "matter_events" FOR ALL
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
ALTER TABLE "matter_photos" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_read" ON "matter_photos" FOR SELECT
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
CREATE POLICY "scope_write" ON "matter_photos" FOR ALL
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));
