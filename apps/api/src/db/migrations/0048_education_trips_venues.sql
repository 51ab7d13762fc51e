CREATE TABLE "education_trip_actions" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"trip_id" integer NOT NULL,
	"content" text NOT NULL,
	"owner_user_id" integer NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"done_note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "education_trip_participants" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"trip_id" integer NOT NULL,
	"user_id" integer,
	"name" text NOT NULL,
	"post" text,
	"takeaway" text,
	"takeaway_by" integer,
	"takeaway_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "education_trips" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"title" text NOT NULL,
	"destination" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"topics" text[] NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "education_trips_topics_check" CHECK (cardinality("education_trips"."topics") > 0 and "education_trips"."topics" <@ array['party_building', 'beautiful_village', 'governance', 'innovation']::text[]),
	CONSTRAINT "education_trips_period_check" CHECK ("education_trips"."ends_on" >= "education_trips"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "education_hosted_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"venue_id" integer,
	"visited_on" date NOT NULL,
	"unit" text NOT NULL,
	"people" integer NOT NULL,
	"topic" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "education_hosted_groups_people_check" CHECK ("education_hosted_groups"."people" > 0)
);
--> statement-breakpoint
CREATE TABLE "education_venue_bookings" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"venue_id" integer NOT NULL,
	"date" date NOT NULL,
	"starts_at" time NOT NULL,
	"ends_at" time NOT NULL,
	"purpose" text NOT NULL,
	"people" integer NOT NULL,
	"booked_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "education_venue_bookings_range_check" CHECK ("education_venue_bookings"."ends_at" > "education_venue_bookings"."starts_at" and "education_venue_bookings"."people" > 0)
);
--> statement-breakpoint
CREATE TABLE "education_venues" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"name" text NOT NULL,
	"capacity" integer NOT NULL,
	"area_sqm" integer,
	"address" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "education_venues_capacity_check" CHECK ("education_venues"."capacity" > 0)
);
--> statement-breakpoint
ALTER TABLE "education_trip_actions" ADD CONSTRAINT "education_trip_actions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_trip_actions" ADD CONSTRAINT "education_trip_actions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_trip_actions" ADD CONSTRAINT "education_trip_actions_trip_id_education_trips_id_fk" FOREIGN KEY ("trip_id") REFERENCES "public"."education_trips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_trip_actions" ADD CONSTRAINT "education_trip_actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_trip_actions" ADD CONSTRAINT "education_trip_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_trip_participants" ADD CONSTRAINT "education_trip_participants_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_trip_participants" ADD CONSTRAINT "education_trip_participants_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_trip_participants" ADD CONSTRAINT "education_trip_participants_trip_id_education_trips_id_fk" FOREIGN KEY ("trip_id") REFERENCES "public"."education_trips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_trip_participants" ADD CONSTRAINT "education_trip_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_trip_participants" ADD CONSTRAINT "education_trip_participants_takeaway_by_users_id_fk" FOREIGN KEY ("takeaway_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_trips" ADD CONSTRAINT "education_trips_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_trips" ADD CONSTRAINT "education_trips_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_trips" ADD CONSTRAINT "education_trips_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_hosted_groups" ADD CONSTRAINT "education_hosted_groups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_hosted_groups" ADD CONSTRAINT "education_hosted_groups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_hosted_groups" ADD CONSTRAINT "education_hosted_groups_venue_id_education_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."education_venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_hosted_groups" ADD CONSTRAINT "education_hosted_groups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_venue_bookings" ADD CONSTRAINT "education_venue_bookings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_venue_bookings" ADD CONSTRAINT "education_venue_bookings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_venue_bookings" ADD CONSTRAINT "education_venue_bookings_venue_id_education_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."education_venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_venue_bookings" ADD CONSTRAINT "education_venue_bookings_booked_by_users_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_venues" ADD CONSTRAINT "education_venues_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_venues" ADD CONSTRAINT "education_venues_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "education_trip_actions_trip_idx" ON "education_trip_actions" USING btree ("trip_id");--> statement-breakpoint
CREATE INDEX "education_trip_actions_owner_idx" ON "education_trip_actions" USING btree ("owner_user_id","done_on");--> statement-breakpoint
CREATE INDEX "education_trip_participants_trip_idx" ON "education_trip_participants" USING btree ("trip_id");--> statement-breakpoint
CREATE INDEX "education_trip_participants_org_idx" ON "education_trip_participants" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "education_trips_org_idx" ON "education_trips" USING btree ("organization_id","starts_on");--> statement-breakpoint
CREATE INDEX "education_hosted_groups_org_day_idx" ON "education_hosted_groups" USING btree ("organization_id","visited_on");--> statement-breakpoint
CREATE INDEX "education_venue_bookings_day_idx" ON "education_venue_bookings" USING btree ("venue_id","date");--> statement-breakpoint
CREATE INDEX "education_venues_org_idx" ON "education_venues" USING btree ("organization_id");--> statement-breakpoint
-- Row-level security (as 0043): each row is its organisation's. A participant and a follow-up action carry their own
-- unit, so a village's secretary sees their village's part of a town trip; the trip itself is seen by whoever sees its
-- organiser or one of its rows (USING), and written only under the organiser's scope (WITH CHECK). The service decides
-- who may write what; these policies are the fail-closed backstop.
DO $$
DECLARE
  t text;
  sees constant text := 'app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id))';
BEGIN
  FOREACH t IN ARRAY ARRAY['education_trip_participants', 'education_trip_actions', 'education_venues', 'education_venue_bookings', 'education_hosted_groups']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY "scope_all" ON %I FOR ALL USING (%s) WITH CHECK (%s)', t, sees, sees);
  END LOOP;
  ALTER TABLE "education_trips" ENABLE ROW LEVEL SECURITY;
  EXECUTE format('CREATE POLICY "scope_all" ON "education_trips" FOR ALL USING (%s OR "id" IN (SELECT p.trip_id FROM education_trip_participants p) OR "id" IN (SELECT a.trip_id FROM education_trip_actions a)) WITH CHECK (%s)', sees, sees);
END
$$;
