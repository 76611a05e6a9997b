"""Files for other tools: Garmin FIT workouts, printable cards."""
