CREATE TABLE "flow_contacts" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"flow_id" integer NOT NULL,
	"contacted_on" date NOT NULL,
	"method" text NOT NULL,
	"note" text,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_flows" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"direction" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"destination" text NOT NULL,
	"work_unit" text,
	"has_fixed_place" boolean DEFAULT false NOT NULL,
	"activity_card_no" text,
	"host_branch" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transfer_letters" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"letter_no" text NOT NULL,
	"destination" text NOT NULL,
	"issued_on" date NOT NULL,
	"valid_days" integer NOT NULL,
	"receipt_returned_on" date,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "flow_contacts" ADD CONSTRAINT "flow_contacts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_contacts" ADD CONSTRAINT "flow_contacts_flow_id_member_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."member_flows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_contacts" ADD CONSTRAINT "flow_contacts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_flows" ADD CONSTRAINT "member_flows_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_flows" ADD CONSTRAINT "member_flows_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_letters" ADD CONSTRAINT "transfer_letters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_letters" ADD CONSTRAINT "transfer_letters_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_letters" ADD CONSTRAINT "transfer_letters_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "flow_contacts_flow_idx" ON "flow_contacts" USING btree ("flow_id","contacted_on");--> statement-breakpoint
CREATE INDEX "member_flows_member_idx" ON "member_flows" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_letters_tenant_no_uq" ON "transfer_letters" USING btree ("tenant_id","letter_no");