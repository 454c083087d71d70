from starcoach.cli import main

main()
