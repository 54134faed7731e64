#!/usr/bin/env python3
"""Writes labelled-set.json: a fixed synthetic coach pool, synthetic coachees (quiz + what their CV says), and for
each coachee the graded relevance a careful person gives each coach, by the rules in README.md. The rules below are
written from the README, not from the app's scorer: nothing here reads or mirrors Scoring.cs.
Run: python3 tests/Matching.Tests/Quality/generate.py  (deterministic: fixed seed)."""
import json, random, os
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

rnd = random.Random(20261130)
TRACKS = {
    "backend":   ["Go", "Java", "Kubernetes", "PostgreSQL", "Kafka", "gRPC", "Python", "Redis", "Microservices", "Spring"],
    "frontend":  ["React", "TypeScript", "Next.js", "CSS", "JavaScript", "Vue.js", "Webpack", "Web accessibility"],
    "mobile":    ["Swift", "Kotlin", "iOS", "Android", "React Native", "Flutter"],
    "data":      ["Apache Spark", "Airflow", "SQL", "Snowflake", "Python", "Kafka", "dbt"],
    "ml":        ["PyTorch", "TensorFlow", "Machine learning", "Python", "MLOps", "Natural language processing"],
    "sre":       ["Kubernetes", "Terraform", "AWS", "Prometheus", "Linux", "Go", "Docker"],
    "fullstack": ["React", "TypeScript", "Node.js", "PostgreSQL", "GraphQL", "Docker"],
}
COMPANIES = ["Google", "Meta", "Amazon", "Stripe", "Netflix", "Shopify", "Zalando", "Adyen", "Uber", "Spotify", "Microsoft", "Booking.com"]
ZONES = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Europe/London"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TYPES = ["coding", "system_design", "behavioural", "ml_design"]
LEVEL_YEARS = {"junior": 1, "mid": 3, "senior": 5, "staff": 8}
REFERENCE_MONDAY = datetime(2026, 11, 23)  # a winter week: no daylight-saving change in it

def windows():
    out = []
    for day in rnd.sample(DAYS, 2):
        start = rnd.choice([8, 10, 12, 17, 18, 19])
        out.append({"day": day, "start": f"{start:02d}:00:00", "end": f"{start + rnd.choice([2, 3]):02d}:00:00"})
    return out

def utc_half_hours(avail, zone):
    slots = set()
    for w in avail:
        d = DAYS.index(w["day"])
        sh, eh = int(w["start"][:2]), int(w["end"][:2])
        local = (REFERENCE_MONDAY + timedelta(days=d, hours=sh)).replace(tzinfo=ZoneInfo(zone))
        utc = local.astimezone(ZoneInfo("UTC"))
        for k in range((eh - sh) * 2):
            t = utc + timedelta(minutes=30 * k)
            slots.add(((t.weekday() * 48) + t.hour * 2 + t.minute // 30))
    return slots

def seniority_for(years):
    return "junior" if years < 2 else "mid" if years < 5 else "senior" if years < 9 else "staff"

TITLES = {"backend": "Backend Engineer", "frontend": "Frontend Engineer", "mobile": "iOS Engineer", "data": "Data Engineer",
          "ml": "Machine Learning Engineer", "sre": "Site Reliability Engineer", "fullstack": "Full-stack Developer"}
LEVEL_PREFIX = {"junior": "Junior ", "mid": "", "senior": "Senior ", "staff": "Staff "}

coaches = []
for i in range(60):
    track = rnd.choice(list(TRACKS))
    roles = [track] + ([rnd.choice([t for t in TRACKS if t != track])] if rnd.random() < 0.3 else [])
    types = rnd.sample(TYPES[:3], 2) + (["ml_design"] if track in ("ml", "data") and rnd.random() < 0.7 else [])
    skills = rnd.sample(TRACKS[track], rnd.randint(3, 5))
    if rnd.random() < 0.3:
        other = rnd.choice([t for t in TRACKS if t != track])
        skills += [s for s in rnd.sample(TRACKS[other], 1) if s not in skills]
    coaches.append({
        "key": f"coach-{i:02d}", "roles": roles, "interviewTypes": types,
        "coachedCounts": {t: rnd.choice([0, 5, 15, 30, 60]) for t in types},
        "languages": ["en"] + (["de"] if rnd.random() < 0.3 else []), "timeZone": rnd.choice(ZONES), "availability": windows(),
        "years": rnd.randint(3, 20), "companies": rnd.sample(COMPANIES, rnd.choice([0, 1, 1, 2])), "skills": skills,
        "priceMinor": rnd.choice([6000, 8000, 10000, 12000, 15000, 20000]),
        "medianReplyMinutes": rnd.choice([30, 90, 300, 2000, None]),
    })

def label(coachee, coach):
    """README.md, 'How a careful person grades a coach'."""
    q, cv = coachee["quiz"], coachee["cv"]
    if not set(q["languages"]) & set(coach["languages"]): return 0
    if not set(q["interviewTypes"]) & set(coach["interviewTypes"]): return 0
    role = bool(set(q["targetRoles"]) & set(coach["roles"]))
    stack = len(set(cv["skills"]) & set(coach["skills"]))
    company = bool((set(q["targetCompanies"]) | set(cv["employers"])) & set(coach["companies"]))
    level = q["seniority"] or cv["seniority"]
    experienced = level is None or coach["years"] >= LEVEL_YEARS[level]
    overlap = bool(utc_half_hours(q["availability"], q["timeZone"]) & utc_half_hours(coach["availability"], coach["timeZone"]))
    affordable = coach["priceMinor"] <= q["budgetMinor"]
    if role and stack >= 2 and overlap and affordable and experienced: return 3
    if role and (stack >= 1 or company) and (overlap or affordable): return 2
    if role or stack >= 1 or company: return 1
    return 0

coachees = []
for i in range(220):
    track = rnd.choice(list(TRACKS))
    years = rnd.randint(1, 15)
    cv_level = seniority_for(years)
    skills = rnd.sample(TRACKS[track], rnd.randint(3, 6))
    if rnd.random() < 0.4:
        skills += [s for s in rnd.sample(TRACKS[rnd.choice(list(TRACKS))], 1) if s not in skills]
    languages = ["de"] if rnd.random() < 0.05 else ["en"] + (["de"] if rnd.random() < 0.2 else [])
    quiz = {
        "targetRoles": [track], "seniority": None if rnd.random() < 0.3 else cv_level,
        "targetCompanies": rnd.sample(COMPANIES, rnd.choice([0, 0, 1, 2])),
        "interviewTypes": rnd.sample(TYPES[:3], rnd.choice([1, 2])) + (["ml_design"] if track == "ml" and rnd.random() < 0.5 else []),
        "focusAreas": [], "languages": languages, "timeZone": rnd.choice(ZONES),
        "budgetMinor": rnd.choice([8000, 10000, 12000, 15000, 20000]), "budgetCurrency": "USD", "availability": windows(),
    }
    cv = {"skills": skills, "employers": rnd.sample([c for c in COMPANIES if c not in quiz["targetCompanies"]], rnd.choice([1, 1, 2])),
          "years": years, "title": LEVEL_PREFIX[cv_level] + TITLES[track], "seniority": cv_level}
    person = {"key": f"coachee-{i:03d}", "quiz": quiz, "cv": cv}
    person["relevance"] = {c["key"]: g for c in coaches if (g := label(person, c)) > 0}
    coachees.append(person)

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "labelled-set.json")
with open(path, "w") as f:
    json.dump({"coaches": coaches, "coachees": coachees}, f, indent=1)
grades = [g for p in coachees for g in p["relevance"].values()]
print(f"{len(coaches)} coaches, {len(coachees)} coachees; grades 3/2/1: {grades.count(3)}/{grades.count(2)}/{grades.count(1)}")
