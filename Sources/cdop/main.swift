print("cdop")
