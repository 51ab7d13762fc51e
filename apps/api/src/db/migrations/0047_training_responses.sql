CREATE TABLE "training_responses" (
	"tenant_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"session_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"response" text NOT NULL,
	"reason" text,
	"responded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_responses_session_id_person_id_pk" PRIMARY KEY("session_id","person_id"),
	CONSTRAINT "training_responses_response_check" CHECK ("response" in ('confirm', 'leave'))
);
--> statement-breakpoint
ALTER TABLE "training_responses" ADD CONSTRAINT "training_responses_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_responses" ADD CONSTRAINT "training_responses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_responses" ADD CONSTRAINT "training_responses_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_responses" ADD CONSTRAINT "training_responses_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_responses_person_idx" ON "training_responses" USING btree ("person_id");--> statement-breakpoint
-- Row-level security (as 0046): an answer is read and written where the member's branch is in scope (the member
-- themselves, the branch's secretary, the town).
ALTER TABLE "training_responses" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_read" ON "training_responses" FOR SELECT
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));--> statement-breakpoint
CREATE POLICY "scope_write" ON "training_responses" FOR ALL
  USING (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)));
