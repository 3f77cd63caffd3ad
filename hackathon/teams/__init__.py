"""Teams of participants."""
