-- The tables and columns of La Base's database that the importer reads, written from its Prisma schema
-- (../shared/reference/la-base/schema.prisma, table and column names as its @@map/@map give them).
-- La Base's enums are PostgreSQL enum types; text here (the importer reads them as ::text either way).

CREATE TABLE uploads (
    key text PRIMARY KEY,
    mime_type text NOT NULL,
    name text NOT NULL,
    size integer,
    uploaded_by_id uuid,
    created timestamp(3) NOT NULL DEFAULT now()
);

CREATE TABLE images (
    id uuid PRIMARY KEY,
    alt_text text,
    crop_height double precision NOT NULL DEFAULT 1,
    crop_width double precision NOT NULL DEFAULT 1,
    crop_top double precision NOT NULL DEFAULT 0,
    crop_left double precision NOT NULL DEFAULT 0,
    upload_key text NOT NULL UNIQUE REFERENCES uploads (key)
);

CREATE TABLE users (
    id uuid PRIMARY KEY,
    slug text NOT NULL UNIQUE,
    first_name text,
    last_name text,
    name text,
    role text NOT NULL DEFAULT 'user',
    email text NOT NULL UNIQUE,
    email_verified timestamp(3),
    email_is_public boolean NOT NULL DEFAULT false,
    website text,
    facebook text,
    twitter text,
    linkedin text,
    image_id uuid UNIQUE REFERENCES images (id),
    location text,
    title text,
    description text,
    department text,
    is_public boolean NOT NULL DEFAULT true,
    deleted timestamp(3),
    created timestamp(3) NOT NULL DEFAULT now(),
    updated timestamp(3) NOT NULL DEFAULT now(),
    last_login timestamp(3),
    cgu_version text,
    last_cgu_accepted_at timestamp(3)
);

CREATE TABLE bases (
    id uuid PRIMARY KEY,
    title text NOT NULL,
    slug text NOT NULL UNIQUE,
    description text,
    department text,
    created_by_id uuid NOT NULL,  -- no foreign key: a dangling id is one of the bad rows tested
    is_public boolean NOT NULL DEFAULT false,
    email text NOT NULL DEFAULT 'contact@contact.fr',
    email_is_public boolean NOT NULL DEFAULT false,
    website text,
    facebook text,
    twitter text,
    linkedin text,
    image_id uuid UNIQUE REFERENCES images (id),
    cover_image_id uuid UNIQUE REFERENCES images (id),
    created timestamp(3) NOT NULL DEFAULT now(),
    updated timestamp(3) NOT NULL DEFAULT now(),
    deleted timestamp(3),
    highlight_resources text DEFAULT 'LatestPublished'
);

CREATE TABLE base_members (
    id uuid PRIMARY KEY,
    member_id uuid NOT NULL REFERENCES users (id),
    invited_by_id uuid REFERENCES users (id),
    base_id uuid NOT NULL REFERENCES bases (id),
    is_admin boolean NOT NULL DEFAULT false,
    added timestamp(3) NOT NULL DEFAULT now(),
    accepted timestamp(3),
    UNIQUE (member_id, base_id)
);

CREATE TABLE base_join_requests (
    id uuid PRIMARY KEY,
    applicant_id uuid NOT NULL REFERENCES users (id),
    base_id uuid NOT NULL REFERENCES bases (id),
    created timestamp(3) NOT NULL DEFAULT now(),
    accepted timestamp(3),
    declined timestamp(3),
    UNIQUE (applicant_id, base_id)
);

CREATE TABLE base_follows (
    id uuid PRIMARY KEY,
    base_id uuid NOT NULL REFERENCES bases (id),
    follower_id uuid NOT NULL REFERENCES users (id),
    followed timestamp(3) NOT NULL DEFAULT now(),
    UNIQUE (base_id, follower_id)
);

CREATE TABLE profile_follows (
    id uuid PRIMARY KEY,
    profile_id uuid NOT NULL REFERENCES users (id),
    follower_id uuid NOT NULL REFERENCES users (id),
    followed timestamp(3) NOT NULL DEFAULT now(),
    UNIQUE (profile_id, follower_id)
);

CREATE TABLE resources (
    id uuid PRIMARY KEY,
    title text NOT NULL,
    slug text NOT NULL UNIQUE,
    is_public boolean,
    licence text NOT NULL DEFAULT 'etalab_2_0',
    themes text[] NOT NULL DEFAULT '{}',
    resource_types text[] NOT NULL DEFAULT '{}',
    beneficiaries text[] NOT NULL DEFAULT '{}',
    professional_sectors text[] NOT NULL DEFAULT '{}',
    "publicFeedback" boolean NOT NULL DEFAULT true,
    image_id uuid UNIQUE REFERENCES images (id),
    description text NOT NULL,
    excerpt text NOT NULL DEFAULT '',
    created_by_id uuid NOT NULL,  -- no foreign key: see bases.created_by_id
    published timestamp(3),
    last_published timestamp(3),
    deleted timestamp(3),
    base_id uuid REFERENCES bases (id),
    created timestamp(3) NOT NULL DEFAULT now(),
    updated timestamp(3) NOT NULL DEFAULT now(),
    views_count integer NOT NULL DEFAULT 0
);

CREATE TABLE resource_events (
    id uuid PRIMARY KEY,
    type text NOT NULL,
    data jsonb NOT NULL,
    timestamp timestamp(3) NOT NULL,
    sequence integer NOT NULL DEFAULT 0,
    resource_id uuid NOT NULL REFERENCES resources (id),
    by_id uuid
);
CREATE INDEX ON resource_events (resource_id);

CREATE TABLE contents (
    id uuid PRIMARY KEY,
    "order" integer NOT NULL,
    resource_id uuid NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    type text NOT NULL,
    title text,
    caption text,
    image_id uuid UNIQUE REFERENCES images (id),
    image_alt_text text,
    file_key text UNIQUE REFERENCES uploads (key),
    show_preview boolean,
    url text,
    "linkDescription" text,
    "linkTitle" text,
    "linkImageUrl" text,
    "linkFaviconUrl" text,
    text text,
    link_click_count integer,
    file_download_count integer,
    file_preview_count integer,
    created timestamp(3) NOT NULL DEFAULT now(),
    updated timestamp(3) NOT NULL DEFAULT now()
);
CREATE INDEX ON contents (resource_id);

CREATE TABLE resource_contributors (
    id uuid PRIMARY KEY,
    contributor_id uuid NOT NULL REFERENCES users (id),
    resource_id uuid NOT NULL REFERENCES resources (id),
    added timestamp(3) NOT NULL DEFAULT now(),
    UNIQUE (contributor_id, resource_id)
);
CREATE INDEX ON resource_contributors (resource_id);

CREATE TABLE collections (
    id uuid PRIMARY KEY,
    slug text NOT NULL UNIQUE,
    title text NOT NULL,
    description text,
    "order" integer,
    is_public boolean NOT NULL DEFAULT false,
    is_favorites boolean NOT NULL DEFAULT false,
    created timestamp(3) NOT NULL DEFAULT now(),
    updated timestamp(3) NOT NULL DEFAULT now(),
    deleted timestamp(3),
    created_by_id uuid NOT NULL REFERENCES users (id),
    base_id uuid REFERENCES bases (id),
    image_id uuid UNIQUE REFERENCES images (id)
);

CREATE TABLE collection_resources (
    id uuid PRIMARY KEY,
    resource_id uuid NOT NULL REFERENCES resources (id),
    collection_id uuid NOT NULL REFERENCES collections (id),
    added timestamp(3) NOT NULL DEFAULT now(),
    "order" integer,
    UNIQUE (resource_id, collection_id)
);

CREATE TABLE resource_views (
    id uuid PRIMARY KEY,
    hash text NOT NULL,
    resource_id uuid NOT NULL REFERENCES resources (id),
    user_id uuid REFERENCES users (id),
    timestamp timestamp(3) NOT NULL DEFAULT now()
);

CREATE TABLE search_executions (
    id uuid PRIMARY KEY,
    user_id uuid REFERENCES users (id),
    type text NOT NULL,
    query text NOT NULL,
    timestamp timestamp(3) NOT NULL DEFAULT now(),
    duration integer NOT NULL,
    results integer NOT NULL,
    themes text[] NOT NULL DEFAULT '{}',
    resource_types text[] NOT NULL DEFAULT '{}',
    beneficiaries text[] NOT NULL DEFAULT '{}',
    professional_sectors text[] NOT NULL DEFAULT '{}',
    departments text[] NOT NULL DEFAULT '{}',
    page integer NOT NULL,
    per_page integer NOT NULL,
    sorting text NOT NULL
);

CREATE TABLE resource_feedback (
    rating integer NOT NULL,
    comment text,
    created timestamp(3) NOT NULL DEFAULT now(),
    updated timestamp(3) NOT NULL DEFAULT now(),
    deleted timestamp(3),
    sent_by_id uuid NOT NULL REFERENCES users (id),
    resource_id uuid NOT NULL REFERENCES resources (id),
    PRIMARY KEY (sent_by_id, resource_id)
);

CREATE TABLE resource_feedback_comments (
    id uuid PRIMARY KEY,
    content text NOT NULL,
    feedback_sent_by_id uuid NOT NULL,
    feedback_resource_id uuid NOT NULL,
    parent_comment_id uuid REFERENCES resource_feedback_comments (id),
    author_id uuid NOT NULL REFERENCES users (id),
    created timestamp(3) NOT NULL DEFAULT now(),
    updated timestamp(3) NOT NULL DEFAULT now(),
    deleted timestamp(3),
    FOREIGN KEY (feedback_sent_by_id, feedback_resource_id) REFERENCES resource_feedback (sent_by_id, resource_id)
);

CREATE TABLE resource_reports (
    id uuid PRIMARY KEY,
    resource_id uuid NOT NULL REFERENCES resources (id),
    sent_by_id uuid REFERENCES users (id),
    reason text NOT NULL,
    comment text NOT NULL,
    "privateComment" text,
    created timestamp(3) NOT NULL DEFAULT now(),
    updated timestamp(3) NOT NULL DEFAULT now(),
    processed timestamp(3)
);

CREATE TABLE shareable_link (
    id uuid PRIMARY KEY,
    base_id uuid UNIQUE REFERENCES bases (id),
    resource_id uuid UNIQUE REFERENCES resources (id),
    created_by_id uuid NOT NULL REFERENCES users (id),
    access_count integer NOT NULL DEFAULT 0,
    created timestamp(3) NOT NULL DEFAULT now(),
    updated timestamp(3) NOT NULL DEFAULT now(),
    enabled boolean NOT NULL DEFAULT false
);
