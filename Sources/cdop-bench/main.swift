print("cdop-bench")
