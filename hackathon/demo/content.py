"""What the demo events are made of: people, tracks, teams and projects (data only)."""

DESCRIPTION = """\
**Aurora Hack** is a 48-hour hackathon about tools that help cities run on clean energy.

## Rules
1. Teams of 2–5 people; everyone registers on this site.
2. Start from scratch when hacking starts; open-source libraries are welcome.
3. Submit before the deadline shown in the countdown: late entries are not judged.
4. Be kind. Our [code of conduct](https://example.org/conduct) applies everywhere.

## Tracks
| Track | Sponsor |
|---|---|
| Grid flexibility | Nordlicht Energy |
| Mobility data | CityMove |
| Open climate data | Open Data Institute |
"""

PARTICIPANTS = [
    ("Ada Okafor", "python, machine learning, data viz", "Technical University"),
    ("Ben Carter", "react, typescript, ux design", "Freelance"),
    ("Chen Wei", "rust, embedded, hardware", "Volt Labs"),
    ("Dana Levi", "product, pitching, ux research", "Design Academy"),
    ("Emil Novak", "go, kubernetes, devops", "Cloudy GmbH"),
    ("Farah Haddad", "python, flask, postgresql", "Technical University"),
    ("Gabriel Souza", "swift, ios, mobile", "Appworks"),
    ("Hana Sato", "data science, r, statistics", "Institute of Statistics"),
    ("Ivan Petrov", "c++, robotics, computer vision", "Robotics Club"),
    ("Julia Schmidt", "javascript, vue, css", "Agency North"),
    ("Kofi Mensah", "blockchain, solidity, security", "Freelance"),
    ("Lena Fischer", "ux design, figma, illustration", "Design Academy"),
    ("Marco Rossi", "java, spring, kafka", "Bank of Tomorrow"),
    ("Nadia Rahman", "python, nlp, llms", "Technical University"),
    ("Omar Farouk", "android, kotlin, maps", "Appworks"),
    ("Priya Nair", "data engineering, spark, sql", "Energy Analytics"),
    ("Quentin Moreau", "game dev, unity, 3d", "Indie"),
    ("Rosa Martínez", "hardware, iot, arduino", "Maker Space"),
    ("Sami Virtanen", "elixir, phoenix, realtime", "Freelance"),
    ("Tara Singh", "product, marketing, pitching", "Business School"),
    ("Uma Patel", "python, django, react", "Technical University"),
    ("Viktor Horvath", "gis, maps, postgis", "City Planning Office"),
]
MENTORS = [
    ("Mira Holm", "python, machine learning", "Nordlicht Energy"),
    ("Noah Berg", "react, frontend, accessibility", "CityMove"),
    ("Olga Ivanova", "hardware, iot, embedded", "Volt Labs"),
    ("Paul Dubois", "cloud, devops, kubernetes", "Cloudy GmbH"),
    ("Rania Aziz", "pitching, product, business", "Startup Hub"),
    ("Sven Lund", "data, gis, maps", "Open Data Institute"),
]
JUDGES = [
    ("Greta Thornton", "Nordlicht Energy"),
    ("Hiroshi Tanaka", "CityMove"),
    ("Isabel Cruz", "Open Data Institute"),
    ("Jonas Weber", "Venture Partners"),
]


CHALLENGES = [
    ("Grid flexibility", "Nordlicht Energy", "Shift city power demand to when the wind blows.",
     "Build a tool that moves flexible demand (heat pumps, EV charging, cold storage) to the hours "
     "when renewable supply is high.\n\n## Data\n- 15-minute grid load for Berlin, 2023–2025\n"
     "- Wind and solar forecasts\n\n## Deliverable\nA working prototype and a two-minute demo video.",
     "1. €3,000 and a pilot with Nordlicht\n2. €1,000"),
    ("Mobility data", "CityMove", "Help commuters choose the cleanest way across town.",
     "Use live transit, bike-share and traffic feeds to recommend low-carbon trips.\n\n"
     "Judged on usefulness, data use and design.", "€2,000 and a year of CityMove Pro"),
    ("Open climate data", "Open Data Institute", "Make a city's climate data understandable to everyone.",
     "Turn open emissions and air-quality data into something a resident can act on.",
     "Mentoring from the ODI and a showcase slot at their annual summit"),
]

RUBRIC = [
    ("Impact", "How much it would help a city, if it shipped.", 2.0),
    ("Technical depth", "What it took to build, and how well it works.", 1.5),
    ("Design", "Is it clear and pleasant to use?", 1.0),
    ("Demo", "Did the demo show it working?", 1.0),
]

# name, pitch, wanted skills, member indices into PARTICIPANTS, open to new members
TEAMS = [
    ("Night Owls", "Heat pumps that listen to the wind forecast.", "hardware, embedded", (0, 2, 17), True),
    ("Bus Stop", "A commute planner that counts grams of CO₂, not minutes.", "ux design, android", (1, 3, 14), True),
    ("Open Air", "Air-quality maps residents actually read.", "data viz, gis", (7, 12, 21), True),
    ("Kilowatt", "Charging schedules for delivery fleets.", "", (4, 5, 15, 19), False),
    ("Tram Tracks", "Live crowding for trams from open ticket data.", "python, statistics", (6, 10), True),
    ("Sunny Side", "Rooftop solar potential for every street.", "3d, game dev", (8, 11, 13, 20), False),
]

# team name -> (title, tagline, technologies, challenge index)
PROJECTS = {
    "Night Owls": ("WindWatt", "Heat pumps that run when the wind blows.", "python, mqtt, raspberry pi", 0),
    "Bus Stop": ("GreenRoute", "Every trip option with its CO₂ cost.", "kotlin, android, gtfs", 1),
    "Open Air": ("BreatheMap", "Street-level air quality you can act on.", "d3, postgis, flask", 2),
    "Kilowatt": ("FleetCharge", "Cheapest, cleanest charging for delivery vans.", "go, optimization", 0),
    "Tram Tracks": ("TramPulse", "How full is the next tram?", "python, pandas, react", 1),
    "Sunny Side": ("RoofRay", "Which roofs should get solar first?", "unity, lidar, python", 2),
}

# Leniency of each demo judge (added to every mark), so the judge-effects ranking has work to do.
JUDGE_LENIENCY = [2, -2, 0, 1]

# Mentor profiles in the hacking event, in MENTORS' order: bio, where to find them, availability.
MENTOR_PROFILES = [
    ("Data scientist at Nordlicht; happy to pair on Python, pandas and model debugging.", "Mentor corner, table M1",
     "available"),
    ("Frontend lead at CityMove. Bring your React and accessibility questions.", "Mentor corner, table M2",
     "available"),
    ("Builds sensors for a living: soldering iron and oscilloscope at the ready.", "Hardware bench, hall B",
     "available"),
    ("SRE at Cloudy GmbH: containers, deployments, anything that won't start.", "https://meet.example.org/paul-dubois",
     "busy"),
    ("Ran two startups; will help you tell your story in three minutes.", "Stage side room", "away"),
    ("Open data and maps. PostGIS, QGIS, tiles, projections.", "Mentor corner, table M3", "available"),
]

# The hacking event's help queue: team, topic, details, tags, where, status, asked minutes ago,
# mentor (index into MENTORS) for claimed and resolved ones, minutes of help, rating, feedback.
HELP_REQUESTS = [
    ("Kilowatt", "Optimizer never converges", "Our charging schedule LP runs forever on 40 vans.",
     "python, optimization", "Table 14", "resolved", 110, 0, 18, 5, "Mira spotted the missing bound in two minutes."),
    ("Bus Stop", "Screen reader skips the trip list", "", "accessibility, react", "Table 6", "resolved", 95, 1, 12, 4,
     "Clear explanation of ARIA live regions."),
    ("Night Owls", "ESP32 resets when the relay switches", "Brown-out? We added a capacitor already.",
     "hardware, embedded", "Table 2", "resolved", 80, 2, 25, 5, ""),
    ("Open Air", "Which projection for street-level maps?", "", "gis, maps", "Table 9", "resolved", 70, 5, 9, 4,
     "Quick and to the point."),
    ("Tram Tracks", "Docker compose can't see Postgres", "", "devops, docker", "Table 11", "resolved", 60, 3, 14,
     3, ""),
    ("Sunny Side", "Pitch is too long", "We have 9 slides for 3 minutes.", "pitching", "Table 12", "resolved", 50, 4,
     15, None, ""),
    ("Kilowatt", "Wrong time zone in the charts", "", "python", "Table 14", "cancelled", 40, None, 0, None, ""),
    ("Bus Stop", "Map tiles don't render on Android 14", "Blank grey tiles since we added the **offline cache**.",
     "android, maps", "Table 6", "claimed", 22, 1, 0, None, ""),
    ("Open Air", "Nearest sensor for every street segment", "Our `ST_Distance` join takes minutes. Index?",
     "gis, postgresql", "Table 9", "open", 19, None, 0, None, ""),
    ("Night Owls", "MQTT messages arrive twice", "QoS 1 on both sides; duplicates on every reconnect.",
     "python, mqtt", "Table 2", "open", 9, None, 0, None, ""),
    ("Tram Tracks", "pandas groupby is too slow", "2M ticket rows, grouping by stop and 5-minute bucket.",
     "python, pandas", "Table 11", "open", 4, None, 0, None, ""),
    ("Sunny Side", "Unity WebGL build crashes on load", "", "unity, game dev", "https://meet.example.org/sunny-side",
     "open", 2, None, 0, None, ""),
]
