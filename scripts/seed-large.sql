-- Bulk fixture for list benchmarks: :'n' tasks with 1-3 assignments each and their execution
-- records (about 2 per assignment at work), :'n' rectification items and :'n' risks (with their
-- quarterly review history, the review now due and a measure each), spread over three years, in
-- realistic states. Units as a bureau's: a few large ones hold most records, many small ones a
-- few (skew(i) below: about a third in the largest, a few percent in the smallest). Run as the
-- schema owner after the API migrated the database (make seed-large N=1000000). A fixture, not
-- history: it writes no journal events. The kept counts (V15) are recounted once at the end
-- instead of by a trigger per row.
ALTER TABLE task DISABLE TRIGGER task_tally;
ALTER TABLE rectification_item DISABLE TRIGGER rectification_item_tally;
ALTER TABLE risk DISABLE TRIGGER risk_tally;
ALTER TABLE risk_obligation DISABLE TRIGGER risk_obligation_tally;
DO $$
DECLARE
    n        integer := :'n';
    units    uuid[];
    issuer   uuid;
BEGIN
    -- skew(i, salt): a unit index 1..#units, the low ones much larger (a power law over a hash of i).
    CREATE OR REPLACE FUNCTION pg_temp.skew(i bigint, salt bigint, nu integer) RETURNS integer
        LANGUAGE sql IMMUTABLE AS
        $f$ SELECT 1 + least(nu - 1, floor(nu * power(((i * 2654435761 + salt * 40503) % 4294967296) / 4294967296.0, 2.2))::int) $f$;
    SELECT array_agg(id ORDER BY code) INTO units FROM unit WHERE parent_id IS NOT NULL AND active;
    SELECT id INTO issuer FROM unit WHERE code = 'SJ-JGDW';
    IF issuer IS NULL OR units IS NULL THEN
        RAISE EXCEPTION 'seed the demo organisation first (start the API once with QF_DEMO_DATA=true)';
    END IF;

    CREATE TEMP TABLE seed_task ON COMMIT DROP AS
    SELECT i,
           gen_random_uuid() AS id,
           -- Work still open is recent; what is finished spreads over three years.
           now() - (random() * CASE WHEN r >= 0.70 THEN interval '120 days' ELSE interval '1095 days' END) AS created_at,
           (ARRAY['STUDY','DEPLOYMENT','TRAINING','RESPONSIBILITY_LETTER','INTEGRITY_TALK','INSPECTION',
                  'HOLIDAY_DISCIPLINE','RULES','MEETING','REPORT','OTHER'])[1 + (i * 7) % 11] AS category,
           (ARRAY['LOW','NORMAL','NORMAL','NORMAL','HIGH','HIGH','URGENT'])[1 + (i * 13) % 7] AS priority,
           CASE WHEN r < 0.05 THEN 'DRAFT' WHEN r < 0.10 THEN 'CANCELLED' WHEN r < 0.70 THEN 'COMPLETED' ELSE 'ISSUED' END AS status,
           1 + (i % 3) AS unit_count,
           (ARRAY['党风廉政主题学习','节点纪律检查','廉政谈话','责任书签订','专项监督检查','制度建设推进','第一议题学习',
                  '警示教育','作风建设专项整治','意识形态工作研判','保密自查','巡察整改督办'])[1 + (i * 5) % 12]
               || '（' || (ARRAY['机关','场馆中心','运动学校','训练中心','各党支部'])[1 + (i * 3) % 5] || '·第' || i || '批）' AS title
    FROM (SELECT i, random() AS r FROM generate_series(1, n) AS i) s;

    -- Codes continue each year's counter, so later tasks get the next numbers.
    CREATE TEMP TABLE seed_code ON COMMIT DROP AS
    SELECT i, 'RW-' || y || '-' || CASE WHEN v < 10000 THEN lpad(v::text, 4, '0') ELSE v::text END AS code, y
    FROM (SELECT t.i, t.y, coalesce(c.last_value, 0) + row_number() OVER (PARTITION BY t.y ORDER BY t.i) AS v
          FROM (SELECT i, extract(year FROM created_at AT TIME ZONE 'Asia/Shanghai')::int AS y FROM seed_task) t
          LEFT JOIN code_counter c ON c.prefix = 'RW' AND c.year = t.y) numbered;

    INSERT INTO task (id, code, title, category, description, basis, priority, deadline, issuing_unit_id, status,
                      recurrence, created_by, created_by_name, issued_at, cancelled_at, cancel_reason, completed_at,
                      created_at, updated_at, version)
    SELECT t.id, c.code, t.title, t.category, '批量生成的基准数据', '市体发〔' || c.y || '〕' || (t.i % 300) || '号', t.priority,
           (t.created_at AT TIME ZONE 'Asia/Shanghai')::date + (7 + t.i % 84),
           issuer, t.status, 'NONE', 'seed-large', '李明',
           CASE WHEN t.status <> 'DRAFT' THEN t.created_at + interval '1 hour' END,
           CASE WHEN t.status = 'CANCELLED' THEN t.created_at + interval '3 days' END,
           CASE WHEN t.status = 'CANCELLED' THEN '上级通知取消' END,
           CASE WHEN t.status = 'COMPLETED' THEN t.created_at + ((3 + t.i % 90) || ' days')::interval END,
           t.created_at, t.created_at, 0
    FROM seed_task t JOIN seed_code c ON c.i = t.i;

    INSERT INTO code_counter (prefix, year, last_value)
    SELECT 'RW', y, max(substring(code FROM 9)::int) FROM seed_code GROUP BY y
    ON CONFLICT (prefix, year) DO UPDATE SET last_value = greatest(code_counter.last_value, excluded.last_value);

    -- Each state carries the times it implies (a DONE assignment was submitted and approved).
    INSERT INTO task_assignment (id, task_id, unit_id, role, status, deadline, accepted_at, submitted_at, completed_at,
                                 completed_on_time, returned_count, created_at, updated_at, version)
    SELECT gen_random_uuid(), a.task_id, a.unit_id, a.role, a.status, a.deadline,
           CASE WHEN a.status <> 'PENDING' THEN a.created_at + interval '1 day' END,
           CASE WHEN a.status IN ('SUBMITTED', 'DONE') THEN a.created_at + (a.days || ' days')::interval END,
           CASE WHEN a.status = 'DONE' THEN a.created_at + (a.days + 1 || ' days')::interval END,
           CASE WHEN a.status = 'DONE' THEN (a.created_at AT TIME ZONE 'Asia/Shanghai')::date + a.days <= a.deadline END,
           0, a.created_at, a.created_at, 0
    FROM (SELECT t.id AS task_id, units[1 + ((pg_temp.skew(t.i, 1, array_length(units, 1)) - 1 + k * 5) % array_length(units, 1))] AS unit_id,
                 CASE WHEN k = 0 THEN 'LEAD' ELSE 'COOPERATING' END AS role,
                 CASE t.status
                     WHEN 'COMPLETED' THEN 'DONE'
                     WHEN 'CANCELLED' THEN 'CANCELLED'
                     ELSE (ARRAY['PENDING','IN_PROGRESS','IN_PROGRESS','SUBMITTED','DONE'])[1 + (t.i + k) % 5] END AS status,
                 (t.created_at AT TIME ZONE 'Asia/Shanghai')::date + (7 + t.i % 84) AS deadline,
                 3 + t.i % 90 AS days,
                 t.created_at
          FROM seed_task t CROSS JOIN LATERAL generate_series(0, t.unit_count - 1) AS k
          WHERE t.status <> 'DRAFT') a;

    -- Execution records (学习, 部署, 培训, 谈话, 检查 … as the report counts them): 0-4 per assignment at
    -- work, held between its start and its end (or now), in the task's category.
    INSERT INTO task_record (id, assignment_id, unit_id, category, held_on, topic, participant_count, participants, place,
                             notes, recorded_by, recorded_by_name, created_at)
    SELECT gen_random_uuid(), a.id, a.unit_id, t.category, r.held_on,
           t.title || ' 第' || r.k || '次', 5 + (hashtext(a.id::text) & 31), NULL, '会议室', NULL, 'seed-large', '孙磊',
           (r.held_on::timestamp AT TIME ZONE 'Asia/Shanghai') + interval '16 hours'
    FROM task_assignment a
    JOIN task t ON t.id = a.task_id
    CROSS JOIN LATERAL (
        SELECT k, (a.created_at AT TIME ZONE 'Asia/Shanghai')::date
                  + (k * greatest(1, (extract(epoch FROM coalesce(a.completed_at, now()) - a.created_at) / 86400)::int) / 5) AS held_on
        FROM generate_series(1, (hashtext(a.id::text) & 7) % 5) AS k) r
    WHERE a.status IN ('IN_PROGRESS', 'SUBMITTED', 'DONE') AND t.created_by = 'seed-large';

    -- Rectification items: most closed, a third still being worked on, some applied.
    CREATE TEMP TABLE seed_item ON COMMIT DROP AS
    SELECT i, gen_random_uuid() AS id, r,
           now() - (random() * CASE WHEN r >= 0.65 THEN interval '200 days' ELSE interval '1095 days' END) AS created_at,
           CASE WHEN r < 0.65 THEN 'CLOSED' WHEN r < 0.75 THEN 'APPLIED' WHEN r < 0.92 THEN 'IN_PROGRESS' ELSE 'PENDING' END AS status,
           (ARRAY['SELF_CHECK','INSPECTION_TOUR','AUDIT','SUPERVISION','COMPLAINT','OTHER'])[1 + (i * 7) % 6] AS source,
           (ARRAY['STUDY','POSITION_BUILDING','SECRECY','IDEOLOGY','WORK_STYLE','INTEGRITY','OTHER'])[1 + (i * 5) % 7] AS category,
           (ARRAY['MINOR','MINOR','MODERATE','SERIOUS'])[1 + (i * 3) % 4] AS severity,
           CASE WHEN i % 10 = 0 THEN 'ONGOING' ELSE 'TIME_LIMITED' END AS kind
    FROM (SELECT i, random() AS r FROM generate_series(1, n) AS i) s;

    CREATE TEMP TABLE seed_item_code ON COMMIT DROP AS
    SELECT i, 'ZG-' || y || '-' || CASE WHEN v < 10000 THEN lpad(v::text, 4, '0') ELSE v::text END AS code, y
    FROM (SELECT t.i, t.y, coalesce(c.last_value, 0) + row_number() OVER (PARTITION BY t.y ORDER BY t.i) AS v
          FROM (SELECT i, extract(year FROM created_at AT TIME ZONE 'Asia/Shanghai')::int AS y FROM seed_item) t
          LEFT JOIN code_counter c ON c.prefix = 'ZG' AND c.year = t.y) numbered;

    INSERT INTO rectification_item (id, code, title, description, source, category, severity, found_on, unit_id,
                                     responsible_leader, responsible_person, kind, deadline, status, cycle,
                                     applied_by, applied_by_name, applied_at, closed_at, created_by, created_by_name,
                                     created_at, updated_at, version)
    SELECT t.id, c.code,
           (ARRAY['理论学习不扎实','学习形式单一','志愿服务不够丰富','党员活动室利用率低','涉密文件传输隐患','节日期间公车管理',
                  '政府采购程序不规范','谈心谈话不到位'])[1 + (t.i * 3) % 8] || '（第' || t.i || '项）',
           '批量生成的基准数据', t.source, t.category, t.severity,
           (t.created_at AT TIME ZONE 'Asia/Shanghai')::date - 3, units[pg_temp.skew(t.i, 2, array_length(units, 1))],
           '王建国', '孙磊', t.kind,
           CASE WHEN t.kind = 'TIME_LIMITED' THEN (t.created_at AT TIME ZONE 'Asia/Shanghai')::date + (30 + t.i % 150) END,
           t.status, 1,
           CASE WHEN t.status IN ('APPLIED', 'CLOSED') THEN 'seed-large' END,
           CASE WHEN t.status IN ('APPLIED', 'CLOSED') THEN '孙磊' END,
           CASE WHEN t.status IN ('APPLIED', 'CLOSED') THEN t.created_at + interval '20 days' END,
           CASE WHEN t.status = 'CLOSED' THEN t.created_at + ((25 + t.i % 160) || ' days')::interval END,
           'seed-large', '李明', t.created_at, t.created_at, 0
    FROM seed_item t JOIN seed_item_code c ON c.i = t.i;

    INSERT INTO code_counter (prefix, year, last_value)
    SELECT 'ZG', y, max(substring(code FROM 9)::int) FROM seed_item_code GROUP BY y
    ON CONFLICT (prefix, year) DO UPDATE SET last_value = greatest(code_counter.last_value, excluded.last_value);
    -- Risks: graded on matrix version 1, most under control, a fifth closed, a few waiting to be graded.
    CREATE TEMP TABLE seed_risk ON COMMIT DROP AS
    SELECT i, gen_random_uuid() AS id, r, l, m, l * m AS score,
           CASE WHEN l * m >= 15 THEN 'MAJOR' WHEN l * m >= 10 THEN 'SIGNIFICANT' WHEN l * m >= 5 THEN 'GENERAL' ELSE 'LOW' END AS level,
           now() - (random() * interval '1095 days') AS created_at,
           CASE WHEN r < 0.05 THEN 'IDENTIFIED' WHEN r < 0.50 THEN 'CONTROLLING' WHEN r < 0.80 THEN 'CONTROLLED' ELSE 'CLOSED' END AS status,
           (ARRAY['IDEOLOGY','SECRECY','INTEGRITY','PUBLIC_OPINION','WORK_STYLE','OTHER'])[1 + (i * 7) % 6] AS category,
           -- Next reviews spread from a month ago to a year ahead: some missed, some due soon.
           current_date + (-30 + (i * 37) % 395) AS next_review_on
    FROM (SELECT i, random() AS r, 1 + floor(power(random(), 1.4) * 5)::int AS l, 1 + floor(power(random(), 1.2) * 5)::int AS m
          FROM generate_series(1, n) AS i) s;

    CREATE TEMP TABLE seed_risk_code ON COMMIT DROP AS
    SELECT i, 'FX-' || y || '-' || CASE WHEN v < 10000 THEN lpad(v::text, 4, '0') ELSE v::text END AS code, y
    FROM (SELECT t.i, t.y, coalesce(c.last_value, 0) + row_number() OVER (PARTITION BY t.y ORDER BY t.i) AS v
          FROM (SELECT i, extract(year FROM created_at AT TIME ZONE 'Asia/Shanghai')::int AS y FROM seed_risk) t
          LEFT JOIN code_counter c ON c.prefix = 'FX' AND c.year = t.y) numbered;

    INSERT INTO risk (id, code, name, category, manifestation, unit_id, responsible_leader, responsible_person,
                      likelihood, impact, score, level, matrix_version,
                      residual_likelihood, residual_impact, residual_score, residual_level, graded_at, status,
                      next_review_on, last_reviewed_on, closed_reason, created_by, created_by_name, created_at, updated_at, version)
    SELECT t.id, c.code,
           (ARRAY['意识形态阵地管理风险','涉密文件小程序处理风险','互联网邮箱存储涉密文件风险','网络舆情应对风险',
                  '政府采购廉政风险','节日期间作风风险','场馆对外出租廉政风险','宣传稿件审核风险'])[1 + (t.i * 3) % 8] || '（第' || t.i || '项）',
           t.category, '批量生成的基准数据', units[pg_temp.skew(t.i, 3, array_length(units, 1))], '王建国', '孙磊',
           CASE WHEN t.status <> 'IDENTIFIED' THEN t.l END, CASE WHEN t.status <> 'IDENTIFIED' THEN t.m END,
           CASE WHEN t.status <> 'IDENTIFIED' THEN t.score END, CASE WHEN t.status <> 'IDENTIFIED' THEN t.level END,
           CASE WHEN t.status <> 'IDENTIFIED' THEN 1 END,
           CASE WHEN t.status IN ('CONTROLLED', 'CLOSED') THEN greatest(1, t.l - 1) END,
           CASE WHEN t.status IN ('CONTROLLED', 'CLOSED') THEN t.m END,
           CASE WHEN t.status IN ('CONTROLLED', 'CLOSED') THEN greatest(1, t.l - 1) * t.m END,
           CASE WHEN t.status IN ('CONTROLLED', 'CLOSED') THEN
               CASE WHEN greatest(1, t.l - 1) * t.m >= 15 THEN 'MAJOR' WHEN greatest(1, t.l - 1) * t.m >= 10 THEN 'SIGNIFICANT'
                    WHEN greatest(1, t.l - 1) * t.m >= 5 THEN 'GENERAL' ELSE 'LOW' END END,
           CASE WHEN t.status <> 'IDENTIFIED' THEN t.created_at + interval '2 days' END,
           t.status,
           CASE WHEN t.status IN ('CONTROLLING', 'CONTROLLED') THEN t.next_review_on END,
           CASE WHEN t.status IN ('CONTROLLING', 'CONTROLLED') AND t.i % 3 <> 0 THEN current_date - 6 - (t.i % 80) END,
           CASE WHEN t.status = 'CLOSED' THEN '风险已消除' END,
           'seed-large', '孙磊', t.created_at, t.created_at, 0
    FROM seed_risk t JOIN seed_risk_code c ON c.i = t.i;

    INSERT INTO code_counter (prefix, year, last_value)
    SELECT 'FX', y, max(substring(code FROM 9)::int) FROM seed_risk_code GROUP BY y
    ON CONFLICT (prefix, year) DO UPDATE SET last_value = greatest(code_counter.last_value, excluded.last_value);

    -- Every graded risk's quarterly reviews from its grading to now (held on time; one in ten a few days
    -- late, one in thirty weeks late: at most one review is open per risk), so each period of the last three years has reviews to count; then the one now due.
    INSERT INTO risk_obligation (id, risk_id, unit_id, kind, due_on, due_at, fulfilled_at, fulfilled_by_name, created_at, version)
    SELECT gen_random_uuid(), x.id, x.unit_id, 'REVIEW', x.next_review_on,
           ((x.next_review_on + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'), NULL, NULL, x.created_at, 0
    FROM risk x JOIN seed_risk s ON s.id = x.id WHERE true AND x.next_review_on IS NOT NULL
    UNION ALL
    SELECT gen_random_uuid(), x.id, x.unit_id, 'REVIEW', x.last_reviewed_on,
           ((x.last_reviewed_on + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'),
           ((x.last_reviewed_on + CASE WHEN hashtext(x.code) % 10 = 0 THEN 5 ELSE -1 END)::timestamp AT TIME ZONE 'Asia/Shanghai') + interval '10 hours',
           '孙磊', x.created_at, 0
    FROM risk x JOIN seed_risk s ON s.id = x.id WHERE true AND x.last_reviewed_on IS NOT NULL
    UNION ALL
    SELECT gen_random_uuid(), x.id, x.unit_id, 'REVIEW', q.due_on,
           ((q.due_on + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'),
           ((q.due_on + CASE WHEN hashtext(x.code || q.quarter) % 30 = 0 THEN 20 WHEN hashtext(x.code || q.quarter) % 10 = 0 THEN 4
                             ELSE -2 END)::timestamp AT TIME ZONE 'Asia/Shanghai') + interval '10 hours',
           '孙磊', x.created_at, 0
    FROM risk x JOIN seed_risk s ON s.id = x.id
    CROSS JOIN LATERAL (SELECT g AS quarter, ((x.graded_at AT TIME ZONE 'Asia/Shanghai')::date + g * 91) AS due_on
                        FROM generate_series(1, 12) AS g) q
    WHERE x.graded_at IS NOT NULL AND q.due_on < coalesce(x.last_reviewed_on, current_date - 100) - 30;

    -- One control measure per graded risk; open ones have a deadline.
    INSERT INTO measure (id, owner_type, owner_id, unit_id, content, owner_name, deadline, status, done_at, evidence,
                         sort_order, created_at, updated_at, version)
    SELECT gen_random_uuid(), 'RISK', x.id, x.unit_id, '建立台账，定期排查', '孙磊',
           CASE WHEN x.status = 'CONTROLLING' THEN x.next_review_on - 10 END,
           CASE WHEN x.status = 'CONTROLLING' THEN 'OPEN' ELSE 'DONE' END,
           CASE WHEN x.status = 'CONTROLLING' THEN NULL ELSE x.created_at + interval '30 days' END,
           CASE WHEN x.status = 'CONTROLLING' THEN NULL ELSE '台账已建立' END,
           0, x.created_at, x.created_at, 0
    FROM risk x JOIN seed_risk s ON s.id = x.id WHERE true AND x.level IS NOT NULL;
END
$$;
ANALYZE task;
ANALYZE task_assignment;
ANALYZE task_record;
ANALYZE rectification_item;
ANALYZE risk;
ANALYZE risk_obligation;
ANALYZE measure;
ALTER TABLE task ENABLE TRIGGER task_tally;
ALTER TABLE rectification_item ENABLE TRIGGER rectification_item_tally;
ALTER TABLE risk ENABLE TRIGGER risk_tally;
ALTER TABLE risk_obligation ENABLE TRIGGER risk_obligation_tally;
SELECT tally_rebuild();
ANALYZE tally;
