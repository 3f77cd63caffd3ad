"""Run calls in many real threads at once, released together through a barrier."""
import threading

from hackathon.extensions import db


def all_at_once(calls: list, timeout: float = 120) -> list:
    """Call every function of `calls` in its own thread, all released together; what each returned."""
    barrier, results = threading.Barrier(len(calls)), [None] * len(calls)

    def run(index, call):
        barrier.wait()
        results[index] = call()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    return results


def run_at_once(app, function, arguments: list) -> list:
    """Call function(arg) for every arg in its own thread and app context (each like its own
    request), released together. Returns what each call returned, or the exception it raised."""
    db.session.commit()  # let the threads have the database
    arguments = list(arguments)

    def in_app(argument):
        with app.app_context():
            try:
                return function(argument)
            except Exception as error:  # collected for the test to inspect
                return error
            finally:
                db.session.remove()

    return all_at_once([lambda argument=argument: in_app(argument) for argument in arguments], timeout=60)
