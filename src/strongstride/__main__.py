from strongstride.cli import main

main()
