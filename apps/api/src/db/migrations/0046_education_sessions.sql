CREATE TABLE "training_attendees" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"session_organization_id" integer NOT NULL,
	"session_id" integer NOT NULL,
	"person_id" integer,
	"villager_name" text,
	"state" text NOT NULL,
	"hours_credited" numeric(5, 1) NOT NULL,
	CONSTRAINT "training_attendees_who_check" CHECK (("training_attendees"."person_id" is null) <> ("training_attendees"."villager_name" is null)),
	CONSTRAINT "training_attendees_hours_check" CHECK ("training_attendees"."hours_credited" >= 0 and ("training_attendees"."state" = 'present' or "training_attendees"."hours_credited" = 0)),
	CONSTRAINT "training_attendees_state_check" CHECK ("state" in ('present', 'absent'))
);
--> statement-breakpoint
CREATE TABLE "training_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"session_id" integer NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"hours" numeric(5, 1) NOT NULL,
	"venue" text,
	"lecturers" text,
	"note" text,
	"activity_id" integer,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_dates_check" CHECK ("training_sessions"."ends_on" >= "training_sessions"."starts_on"),
	CONSTRAINT "training_sessions_hours_check" CHECK ("training_sessions"."hours" > 0),
	CONSTRAINT "training_sessions_kind_check" CHECK ("kind" in ('rotation_town', 'rotation_county', 'branch_study', 'dengta_class', 'institute_course', 'field_school', 'candidate_training'))
);
--> statement-breakpoint
ALTER TABLE "training_attendees" ADD CONSTRAINT "training_attendees_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendees" ADD CONSTRAINT "training_attendees_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendees" ADD CONSTRAINT "training_attendees_session_organization_id_organizations_id_fk" FOREIGN KEY ("session_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendees" ADD CONSTRAINT "training_attendees_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendees" ADD CONSTRAINT "training_attendees_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_files" ADD CONSTRAINT "training_files_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_files" ADD CONSTRAINT "training_files_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_files" ADD CONSTRAINT "training_files_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_files" ADD CONSTRAINT "training_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "training_attendees_person_uq" ON "training_attendees" USING btree ("session_id","person_id") WHERE "training_attendees"."person_id" is not null;--> statement-breakpoint
CREATE INDEX "training_attendees_person_idx" ON "training_attendees" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "training_attendees_org_idx" ON "training_attendees" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "training_files_session_idx" ON "training_files" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "training_sessions_org_starts_idx" ON "training_sessions" USING btree ("organization_id","starts_on");--> statement-breakpoint
CREATE INDEX "training_sessions_tenant_starts_idx" ON "training_sessions" USING btree ("tenant_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "training_sessions_activity_uq" ON "training_sessions" USING btree ("activity_id") WHERE "training_sessions"."activity_id" is not null;--> statement-breakpoint
-- Row-level security (the fail-closed backstop of the scoped queries, as 0042). A session is read by the organisations
-- in whose subtree it was held and by those whose people attended it (a branch reads the town's 集中轮训 its members
-- went to); only the holding organisation's subtree writes it. An attendance line is read by the attendee's branch
-- and by the session's holder, and written by the holder (the person named must be in the writer's scope too).
-- The attendees' policy reads no other table, so the sessions' policy may read the attendees without recursion.
ALTER TABLE "training_attendees" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_read" ON "training_attendees" FOR SELECT
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id))
    OR "session_organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
CREATE POLICY "scope_write" ON "training_attendees" FOR ALL
  USING (app_scope_all() OR "session_organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR ("session_organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id))
    AND "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id))));--> statement-breakpoint
ALTER TABLE "training_sessions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_read" ON "training_sessions" FOR SELECT
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id))
    OR EXISTS (SELECT 1 FROM "training_attendees" a WHERE a."session_id" = "training_sessions"."id"
      AND a."organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id))));--> statement-breakpoint
CREATE POLICY "scope_write" ON "training_sessions" FOR ALL
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
-- Materials follow their session: read where the session is read, written by the holder.
ALTER TABLE "training_files" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_read" ON "training_files" FOR SELECT
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id))
    OR "session_id" IN (SELECT a."session_id" FROM "training_attendees" a WHERE a."organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id))));--> statement-breakpoint
CREATE POLICY "scope_write" ON "training_files" FOR ALL
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));
