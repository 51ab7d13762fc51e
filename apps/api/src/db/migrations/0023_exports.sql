CREATE TABLE "exports" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"title" text NOT NULL,
	"ip" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"file_name" text,
	"mime" text,
	"size" integer,
	"data" "bytea",
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	CONSTRAINT "exports_kind_check" CHECK ("kind" in ('branch_ledger', 'town_ledgers')),
	CONSTRAINT "exports_status_check" CHECK ("status" in ('queued', 'running', 'done', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "exports" ADD CONSTRAINT "exports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exports" ADD CONSTRAINT "exports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exports" ADD CONSTRAINT "exports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exports_user_idx" ON "exports" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "exports_queued_idx" ON "exports" USING btree ("id") WHERE status = 'queued';--> statement-breakpoint
-- The row-level security backstop (decision 008) as for every table with an organisation of its own: the routes read
-- an export as its owner, whose scope holds its organisation; the runner claims and finishes exports as the system
-- ('*') and makes the file with the exporter's scope.
ALTER TABLE "exports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_read" ON "exports" FOR SELECT USING ("organization_id" IN (SELECT o."id" FROM "organizations" o WHERE app_scope_sees(o."tenant_id", o."path")));--> statement-breakpoint
CREATE POLICY "scope_insert" ON "exports" FOR INSERT WITH CHECK ("organization_id" IN (SELECT o."id" FROM "organizations" o WHERE app_scope_sees(o."tenant_id", o."path")));--> statement-breakpoint
CREATE POLICY "scope_update" ON "exports" FOR UPDATE USING ("organization_id" IN (SELECT o."id" FROM "organizations" o WHERE app_scope_sees(o."tenant_id", o."path"))) WITH CHECK ("organization_id" IN (SELECT o."id" FROM "organizations" o WHERE app_scope_sees(o."tenant_id", o."path")));--> statement-breakpoint
CREATE POLICY "scope_delete" ON "exports" FOR DELETE USING ("organization_id" IN (SELECT o."id" FROM "organizations" o WHERE app_scope_sees(o."tenant_id", o."path")));
