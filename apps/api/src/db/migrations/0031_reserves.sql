CREATE TABLE "reserve_candidates" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"source" text NOT NULL,
	"source_note" text,
	"stage" text DEFAULT 'reserve' NOT NULL,
	"stage_since" date NOT NULL,
	"entered_on" date NOT NULL,
	"mentor_post_id" integer,
	"status" text DEFAULT 'active' NOT NULL,
	"left_on" date,
	"left_reason" text,
	"appointed_post_id" integer,
	"appointed_post" text,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reserve_candidates_source_check" CHECK ("source" in ('local_talent', 'returnee', 'veteran', 'graduate', 'wealth_leader', 'other')),
	CONSTRAINT "reserve_candidates_stage_check" CHECK ("stage" in ('reserve', 'training', 'practice', 'ready')),
	CONSTRAINT "reserve_candidates_status_check" CHECK ("status" in ('active', 'appointed', 'exited')),
	CONSTRAINT "reserve_candidates_appointed_post_check" CHECK ("appointed_post" in ('secretary', 'deputy_secretary', 'branch_member', 'director', 'committee_member', 'family_planning', 'bookkeeper', 'women_director', 'first_secretary'))
);
--> statement-breakpoint
CREATE TABLE "reserve_evaluations" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"candidate_id" integer NOT NULL,
	"period" text NOT NULL,
	"evaluated_on" date NOT NULL,
	"result" text NOT NULL,
	"comment" text NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reserve_evaluations_result_check" CHECK ("result" in ('excellent', 'good', 'fair', 'poor'))
);
--> statement-breakpoint
CREATE TABLE "reserve_moves" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"candidate_id" integer NOT NULL,
	"kind" text NOT NULL,
	"from_stage" text,
	"to_stage" text,
	"mentor_post_id" integer,
	"occurred_on" date NOT NULL,
	"reason" text,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reserve_moves_back_reason_ck" CHECK ("reserve_moves"."kind" <> 'back' or coalesce(length("reserve_moves"."reason"), 0) >= 2),
	CONSTRAINT "reserve_moves_kind_check" CHECK ("kind" in ('enter', 'advance', 'back', 'mentor', 'appoint', 'exit')),
	CONSTRAINT "reserve_moves_from_stage_check" CHECK ("from_stage" in ('reserve', 'training', 'practice', 'ready')),
	CONSTRAINT "reserve_moves_to_stage_check" CHECK ("to_stage" in ('reserve', 'training', 'practice', 'ready'))
);
--> statement-breakpoint
ALTER TABLE "reserve_candidates" ADD CONSTRAINT "reserve_candidates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_candidates" ADD CONSTRAINT "reserve_candidates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_candidates" ADD CONSTRAINT "reserve_candidates_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_candidates" ADD CONSTRAINT "reserve_candidates_mentor_post_id_cadre_posts_id_fk" FOREIGN KEY ("mentor_post_id") REFERENCES "public"."cadre_posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_candidates" ADD CONSTRAINT "reserve_candidates_appointed_post_id_cadre_posts_id_fk" FOREIGN KEY ("appointed_post_id") REFERENCES "public"."cadre_posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_candidates" ADD CONSTRAINT "reserve_candidates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_evaluations" ADD CONSTRAINT "reserve_evaluations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_evaluations" ADD CONSTRAINT "reserve_evaluations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_evaluations" ADD CONSTRAINT "reserve_evaluations_candidate_id_reserve_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."reserve_candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_evaluations" ADD CONSTRAINT "reserve_evaluations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_moves" ADD CONSTRAINT "reserve_moves_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_moves" ADD CONSTRAINT "reserve_moves_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_moves" ADD CONSTRAINT "reserve_moves_candidate_id_reserve_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."reserve_candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_moves" ADD CONSTRAINT "reserve_moves_mentor_post_id_cadre_posts_id_fk" FOREIGN KEY ("mentor_post_id") REFERENCES "public"."cadre_posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_moves" ADD CONSTRAINT "reserve_moves_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reserve_candidates_org_idx" ON "reserve_candidates" USING btree ("organization_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "reserve_candidates_person_active_uq" ON "reserve_candidates" USING btree ("person_id") WHERE "reserve_candidates"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "reserve_evaluations_period_uq" ON "reserve_evaluations" USING btree ("candidate_id","period");--> statement-breakpoint
CREATE INDEX "reserve_moves_candidate_idx" ON "reserve_moves" USING btree ("candidate_id","occurred_on");--> statement-breakpoint
-- Row-level security as for the other organisation-owned tables (0021, 0024): the backstop behind the scoped loaders.
DO $$
DECLARE
  t text;
  sees constant text := '"organization_id" IN (SELECT o."id" FROM "organizations" o WHERE app_scope_sees(o."tenant_id", o."path"))';
  town constant text := '"organization_id" IN (SELECT o."id" FROM "organizations" o WHERE app_scope_town(o."tenant_id"))';
BEGIN
  FOREACH t IN ARRAY ARRAY['reserve_candidates', 'reserve_moves', 'reserve_evaluations']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY "scope_read" ON %I FOR SELECT USING (%s)', t, sees);
    EXECUTE format('CREATE POLICY "scope_insert" ON %I FOR INSERT WITH CHECK (%s)', t, town);
    EXECUTE format('CREATE POLICY "scope_update" ON %I FOR UPDATE USING (%s) WITH CHECK (%s)', t, sees, town);
    EXECUTE format('CREATE POLICY "scope_delete" ON %I FOR DELETE USING (%s)', t, sees);
  END LOOP;
END
$$;
