from . import task_board_xlsx
